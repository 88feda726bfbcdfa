/** Creating a user account: a checked display name (shared/auth/person-name.ts) and a first session to sign in with. */
import { checkPersonName, type PersonNameProblem } from '../../shared/auth/person-name';
import { newUserId } from '../ids';
import type { NewUser, SessionKind, UserRecord } from '../storage/storage';
import { type SessionDeps, type StartedSession, startSession } from './sessions';

export type CreateUserResult =
  | { ok: true; user: UserRecord; session: StartedSession }
  | { ok: false; reason: 'invalid-name'; problem: PersonNameProblem; message: string };

const problemMessages: Record<PersonNameProblem, string> = {
  empty: 'name is required',
  'too-long': 'name is too long',
  'invalid-characters': 'name has characters that are not allowed (control, invisible or direction characters)',
};

export async function createUserAccount(
  deps: SessionDeps & {
    users: { createUser(user: NewUser): Promise<UserRecord> };
  },
  name: string,
  options: {
    guest: boolean;
    sessionKind: SessionKind;
    sessionLabel?: string | null;
    email?: string | null;
    isAdmin?: boolean;
  },
): Promise<CreateUserResult> {
  const checked = checkPersonName(name);
  if (!checked.ok) {
    return { ok: false, reason: 'invalid-name', problem: checked.problem, message: problemMessages[checked.problem] };
  }
  const user = await deps.users.createUser({
    id: newUserId(),
    name: checked.name,
    guest: options.guest,
    email: options.email ?? null,
    isAdmin: options.isAdmin ?? false,
  });
  const session = await startSession(deps, user.id, options.sessionKind, options.sessionLabel ?? null);
  return { ok: true, user, session };
}
