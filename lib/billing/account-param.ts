// The connected account a billing route handler reads on (`?account=acct_...`: billing objects
// live on the account and are read with its `Stripe-Account`), refused with a 400 in words when it
// is missing or malformed. Server-only.
import 'server-only';
import { errorResponse } from '@/lib/http/json';
import { isObjectId } from '@/lib/stripe/ids';

/** The account of `?account=`, or the answer that refuses the request. */
export function accountParam(request: Request): { account: string } | { refusal: Response } {
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (!isObjectId(account, 'acct_')) return { refusal: errorResponse(400, 'Name the connected account: ?account=acct_...') };
  return { account };
}
