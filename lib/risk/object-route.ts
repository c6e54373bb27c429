// The GET handler of a risk object page's cache: the `[id]` of its URL and an optional
// `?account=acct_…` (the store to try when the index does not know the object). Server-only.
import 'server-only';
import { errorResponse, notAnId, objectIdFrom, readJson } from '@/lib/http/json';
import { isObjectId } from '@/lib/stripe/ids';

/** `?account=` when it is an account id; undefined when it is there but malformed. */
export function givenAccount(value: string | string[] | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && isObjectId(value, 'acct_') ? value : undefined;
}

export function riskObjectRead<T>(prefix: string, noun: string, load: (id: string, account: string | null) => Promise<T>) {
  return async (request: Request, context: { params: Promise<{ id?: string }> }): Promise<Response> => {
    const id = await objectIdFrom(context, prefix);
    if (!id) return notAnId(noun, prefix);
    const account = givenAccount(new URL(request.url).searchParams.get('account'));
    if (account === undefined) return errorResponse(400, 'Not an account id (acct_...).');
    return readJson(`Reading ${noun} ${id}`, () => load(id, account));
  };
}
