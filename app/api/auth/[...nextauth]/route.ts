// next-auth's own endpoints (sign-in callbacks, session, CSRF); public by design.
import { handlers } from '@/lib/auth/config';

export const { GET, POST } = handlers;
