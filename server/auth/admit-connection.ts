/**
 * Decides, before a WebSocket joins a room, whether it may: a valid token (4401 if not), an
 * existing draft room (4404 if not) and a membership of that draft (4403 if not). The role found
 * here travels with the connection and is checked again on every message (document-room.ts).
 */
import type { Role } from '../../shared/auth/roles';
import { CloseCode } from '../../shared/protocol/close-codes';
import { parseRoomName } from '../../shared/protocol/rooms';
import type { Storage, UserRecord } from '../storage/storage';
import { type AuthDeps, authenticateToken } from './authenticate';

export type Admission =
  | {
      ok: true;
      user: UserRecord;
      role: Role;
      tokenExpiresAt: number;
      tokenIssuedAt: number;
      sessionId: string | null;
      roomName: string;
    }
  | {
      ok: false;
      code: typeof CloseCode.Unauthorized | typeof CloseCode.NotFound | typeof CloseCode.Forbidden;
      detail: string;
    };

/** Auth comes first, so a stranger cannot probe which drafts exist. */
export async function admitSyncConnection(
  deps: AuthDeps & Pick<Storage, 'drafts' | 'members'>,
  request: { roomName: string; token: string | null },
): Promise<Admission> {
  const auth = await authenticateToken(deps, request.token);
  if (!auth.ok) return { ok: false, code: CloseCode.Unauthorized, detail: auth.reason };
  const room = parseRoomName(request.roomName);
  if (!room) return { ok: false, code: CloseCode.NotFound, detail: 'not a room name' };
  const role = await deps.members.getRole(room.draftId, auth.user.id);
  if (role) {
    const { user, expiresAt, issuedAt, sessionId } = auth;
    return {
      ok: true,
      user,
      role,
      tokenExpiresAt: expiresAt,
      tokenIssuedAt: issuedAt,
      sessionId,
      roomName: request.roomName,
    };
  }
  const draft = await deps.drafts.getDraft(room.draftId);
  return draft
    ? { ok: false, code: CloseCode.Forbidden, detail: 'not a member of this draft' }
    : { ok: false, code: CloseCode.NotFound, detail: 'no such draft' };
}
