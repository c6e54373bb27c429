// Password hashing for credentials sign-in: bcrypt through bcryptjs (no home-made crypto).
import bcrypt from 'bcryptjs';

const COST = 10;

// Compared against when no operator matches, so a wrong e-mail costs as long as a wrong password.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.pCBHoWJ8ptG3RZqg8h7c1E5mDAXu';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && Boolean(hash);
}
