/** Creating a user account: a validated name, and a first signed token to sign in with. */
import { z } from 'zod';
import { newUserId } from '../ids';
import type { UserRecord, UserStore } from '../storage/storage';
import type { IssuedToken, SessionTokens } from './session-tokens';

export const UserNameSchema = z.string().trim().min(1, 'name is required').max(100, 'name is too long');

export type CreateUserResult =
  | { ok: true; user: UserRecord; session: IssuedToken }
  | { ok: false; reason: 'invalid-name'; message: string };

export async function createUserAccount(
  deps: { users: UserStore; tokens: SessionTokens },
  name: string,
): Promise<CreateUserResult> {
  const parsed = UserNameSchema.safeParse(name);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-name', message: parsed.error.issues[0]?.message ?? 'invalid name' };
  }
  const user = await deps.users.createUser({ id: newUserId(), name: parsed.data });
  return { ok: true, user, session: await deps.tokens.issue(user.id) };
}
