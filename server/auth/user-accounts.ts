/** Creating a user account: a validated name, a fresh token, and the hash of that token in storage. */
import { z } from 'zod';
import { newUserId } from '../ids';
import type { UserRecord, UserStore } from '../storage/storage';
import { hashToken, newToken } from './tokens';

export const UserNameSchema = z.string().trim().min(1, 'name is required').max(100, 'name is too long');

export type CreateUserResult =
  | { ok: true; user: UserRecord; token: string }
  | { ok: false; reason: 'invalid-name'; message: string };

export async function createUserAccount(users: UserStore, name: string): Promise<CreateUserResult> {
  const parsed = UserNameSchema.safeParse(name);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-name', message: parsed.error.issues[0]?.message ?? 'invalid name' };
  }
  const token = newToken();
  const user = await users.createUser({ id: newUserId(), name: parsed.data, tokenHash: hashToken(token) });
  return { ok: true, user, token };
}
