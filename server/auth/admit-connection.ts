/** Decides, before a WebSocket joins a room, whether it may: a known user (4401 if not) and an existing draft room (4404 if not). */
import { CloseCode } from '../../shared/protocol/close-codes';
import { parseRoomName } from '../../shared/protocol/rooms';
import type { Storage, UserRecord } from '../storage/storage';
import { authenticateToken } from './authenticate';

export type Admission =
  | { ok: true; user: UserRecord; roomName: string }
  | { ok: false; code: typeof CloseCode.Unauthorized | typeof CloseCode.NotFound; detail: string };

/** Auth comes first, so a stranger cannot probe which drafts exist. */
export async function admitSyncConnection(
  storage: Pick<Storage, 'users' | 'drafts'>,
  request: { roomName: string; token: string | null },
): Promise<Admission> {
  const auth = await authenticateToken(storage.users, request.token);
  if (!auth.ok) return { ok: false, code: CloseCode.Unauthorized, detail: auth.reason };
  const room = parseRoomName(request.roomName);
  if (!room) return { ok: false, code: CloseCode.NotFound, detail: 'not a room name' };
  // Roles arrive in a later issue; until then every signed-in user may open every draft.
  const draft = await storage.drafts.getDraft(room.draftId);
  if (!draft) return { ok: false, code: CloseCode.NotFound, detail: 'no such draft' };
  return { ok: true, user: auth.user, roomName: request.roomName };
}
