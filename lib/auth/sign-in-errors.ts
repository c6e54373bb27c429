// The ways a password sign-in can be refused besides "do not match", as next-auth errors: they
// travel from `authorize` to the sign-in action (and as `?code=` to the sign-in page).
import { CredentialsSignin } from 'next-auth';

export class SignInPausedError extends CredentialsSignin {
  override code = 'paused';
  constructor(readonly until: Date) {
    super();
  }
}

export class SignInBusyError extends CredentialsSignin {
  override code = 'busy';
}
