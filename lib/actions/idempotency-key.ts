// The server's check of a request key (the idempotency key a form made with newIdempotencyKey,
// lib/actions/result.ts): apart from result.ts so the shell, which every page loads, ships no zod.
import { z } from 'zod';

/** Made by the form when it opens (or its review step does), so a retried submit is one change. */
export const idempotencyKeySchema = z
  .string({ message: 'is missing' })
  .regex(/^[A-Za-z0-9_-]{16,255}$/, { message: 'must be 16 to 255 letters, digits, - or _' });
