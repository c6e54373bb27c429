// The inputs of the account actions, one zod schema each: the form validates with it as the
// operator types, and the server action parses with it again before anything else. Stripe's own
// limits (metadata sizes, reject reasons of the pinned API version) are checked here so the
// operator sees them before a round trip. Client-safe.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { editableMetadataSchema } from '@/lib/metadata';
import { PINNED_API_VERSION, rejectReasons } from './rules';

export { PINNED_API_VERSION };

const accountId = objectIdSchema('acct_', 'Not an account id (acct_...)');
/** Made by the form when the review opens, so a retry or a double click is the same request to Stripe. */
export const idempotencyKey = z.string().uuid('The form lost its request key: reload the page and try again.');
const note = z.string().trim().min(10, 'Say why, in at least 10 characters (for the audit log).').max(1000, 'At most 1000 characters.');

/** The operator types the account id to confirm a destructive action. */
const confirmed = <T extends { accountId: string; confirmation: string }>(v: T) => v.confirmation.trim() === v.accountId;
const confirmIssue = { message: 'Type the account id exactly to confirm.', path: ['confirmation'] };

const reasons = rejectReasons(PINNED_API_VERSION).map((r) => r.value) as [string, ...string[]];

/** The reject form's fields (the risk case's reject form adds its case to them). */
export const rejectAccountFields = z.object({ accountId, reason: z.enum(reasons, { message: 'Choose a reason.' }), note, confirmation: z.string() });
/** A form's fields with the typed account id checked against the account. */
export const withAccountConfirmation = <S extends z.ZodObject<{ accountId: z.ZodType<string>; confirmation: z.ZodString }>>(fields: S) => fields.refine(confirmed, confirmIssue);
/** The form's schema (with its request key). */
export const rejectAccountSchema = withAccountConfirmation(rejectAccountFields.extend({ idempotencyKey }));
/** The action's: the same checks; defineAction adds the request key (zod cannot re-key a refined object). */
export const rejectAccountActionSchema = withAccountConfirmation(rejectAccountFields);
export type RejectAccountInput = z.input<typeof rejectAccountSchema>;

export const unrejectAccountSchema = z.object({ accountId, note, idempotencyKey });
export type UnrejectAccountInput = z.input<typeof unrejectAccountSchema>;

const deleteFields = z.object({ accountId, note, confirmation: z.string() });
export const deleteAccountSchema = deleteFields.extend({ idempotencyKey }).refine(confirmed, confirmIssue);
export const deleteAccountActionSchema = deleteFields.refine(confirmed, confirmIssue);
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const updateAccountSchema = z.object({
  accountId,
  idempotencyKey,
  email: z.union([z.literal(''), z.string().trim().email('Not an e-mail address.')]),
  businessProfile: z.object({
    name: optionalText(200),
    url: z.union([z.literal(''), z.string().trim().url('Not a URL (https://...).')]),
    supportEmail: z.union([z.literal(''), z.string().trim().email('Not an e-mail address.')]),
    supportPhone: optionalText(40),
    productDescription: optionalText(1000),
  }),
  metadata: editableMetadataSchema,
});
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;

export const accountLinkSchema = z.object({ accountId, type: z.enum(['account_onboarding', 'account_update']) });
export const loginLinkSchema = z.object({ accountId });
export const capabilitySchema = z.object({ accountId, capability: z.string().regex(/^[a-z0-9_]+$/), requested: z.boolean(), idempotencyKey });
