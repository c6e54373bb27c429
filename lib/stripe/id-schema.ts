// The id rule of ./ids.ts as a zod string, for the server's input schemas and the URL filters. Apart
// from ./ids.ts so that browser code that only needs `idOf` loads no zod. Pure.
import { z } from 'zod';
import { isObjectId } from './ids';

/** A zod string of one id prefix, with the message shown when it is not one. */
export const objectIdSchema = (prefix: string, message?: string) =>
  z.string().refine((id) => isObjectId(id, prefix), message ?? `Not a ${prefix}... id`);
