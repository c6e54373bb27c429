// The inputs of the case actions, one zod schema each: the form validates with it as the operator
// types, and the server action parses with it again before anything else. Client-safe.
import { z } from 'zod';
import { rejectAccountFields, withAccountConfirmation } from '@/lib/accounts/schemas';
import { objectIdSchema } from '@/lib/stripe/id-schema';

/** `case_` and 16 to 40 letters and digits (lib/risk/cases.ts makes them). */
export const caseIdSchema = z.string().regex(/^case_[A-Za-z0-9]{16,40}$/, 'Not a case id (case_...)');
const operatorId = z.string().min(1, 'Choose an operator.').max(100);

/** A note: plain text, kept as typed (append-only, so say it right). */
export const NOTE_MAX = 4000;
export const noteBody = z.string().trim().min(1, 'Write the note.').max(NOTE_MAX, `At most ${NOTE_MAX} characters.`);
/** A decision's note: why, in enough words for whoever reads the case later. */
const decisionNote = z.string().trim().min(10, 'Say why, in at least 10 characters.').max(NOTE_MAX, `At most ${NOTE_MAX} characters.`);

export const claimCaseSchema = z.object({ caseId: caseIdSchema });
export const assignCaseSchema = z.object({ caseId: caseIdSchema, assigneeId: operatorId });
export const addNoteSchema = z.object({ caseId: caseIdSchema, body: noteBody });
export const clearCaseSchema = z.object({ caseId: caseIdSchema, note: decisionNote });
export const escalateCaseSchema = z.object({ caseId: caseIdSchema, note: decisionNote });
export const approveReviewSchema = z.object({ caseId: caseIdSchema, reviewId: objectIdSchema('prv_', 'Not a review id (prv_...)') });
/** The account page's reject form, with the case it is decided from. */
export const rejectFromCaseSchema = withAccountConfirmation(rejectAccountFields.extend({ caseId: caseIdSchema }));

export type ClearCaseInput = z.input<typeof clearCaseSchema>;
export type AddNoteInput = z.input<typeof addNoteSchema>;
