/** Who has the draft open, from Yjs awareness states (untrusted: every state is checked). */
import { type PresenceUser, PresenceUserSchema } from '../../../shared/presence';

export interface OnlineUser extends PresenceUser {
  isSelf: boolean;
}

/** One entry per user even with several tabs open; the local user first, then by name. */
export function onlineUsers(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number): OnlineUser[] {
  const byId = new Map<string, OnlineUser>();
  for (const [clientId, state] of states) {
    const parsed = PresenceUserSchema.safeParse(state.user);
    if (!parsed.success) continue;
    const isSelf = clientId === selfClientId;
    const known = byId.get(parsed.data.id);
    byId.set(parsed.data.id, { ...parsed.data, isSelf: isSelf || (known?.isSelf ?? false) });
  }
  return [...byId.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}
