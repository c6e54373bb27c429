// Who may sign in through OpenID Connect: a verified address at one of the allowed domains.
// Pure, so the rule is unit-tested.

export function isAllowedSsoEmail(
  email: unknown,
  emailVerified: unknown,
  allowedDomains: readonly string[],
): email is string {
  if (typeof email !== 'string') return false;
  // Providers that say nothing about verification are trusted; an explicit `false` is not.
  if (emailVerified === false || emailVerified === 'false') return false;
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowedDomains.includes(domain);
}
