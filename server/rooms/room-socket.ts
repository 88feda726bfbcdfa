/** What a room needs from a connection: three members, so rooms run on `ws` in production and on fakes in tests. */
import type { Role } from '../../shared/auth/roles';

export interface RoomSocket {
  isOpen(): boolean;
  send(message: Uint8Array): void;
  /** `code` is one of shared/protocol/close-codes.ts; `reason` its machine key. */
  close(code: number, reason: string): void;
}

/** Who is on the other end of a connection; checked before the connection joins a room, and per message. */
export interface RoomSession {
  /** Unique per connection in this process; used in logs. */
  connectionId: string;
  userId: string;
  /** The user's role on the draft; the room updates it when the owner changes it mid-session. */
  role: Role;
  /** Milliseconds since the epoch; the first message after it closes the connection (4401). */
  tokenExpiresAt: number;
}
