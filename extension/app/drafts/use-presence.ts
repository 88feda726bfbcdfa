/** Live list of who has the draft open, from the provider's awareness. */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type OnlineUser, onlineUsers } from './presence-users';

export function usePresence(awareness: Awareness): OnlineUser[] {
  const read = () => onlineUsers(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID);
  const [users, setUsers] = useState<OnlineUser[]>(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` only depends on `awareness`.
  useEffect(() => {
    const update = () => setUsers(read());
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return users;
}
