/** What a room needs from a connection: three members, so rooms run on `ws` in production and on fakes in tests. */
import type { Role } from '../../shared/auth/roles';

export interface RoomSocket {
  isOpen(): boolean;
  /**
   * `continuesBurst`: this message continues what was sent last, though in a later turn (the slices
   * of one large update): a too-slow check counts them as one burst.
   */
  send(message: Uint8Array, continuesBurst?: boolean): void;
  /** Bytes sent and not yet handed to the network (`ws`'s `bufferedAmount`); absent: always 0. */
  bufferedBytes?(): number;
  /** `code` is one of shared/protocol/close-codes.ts; `reason` its machine key. */
  close(code: number, reason: string): void;
}

/** Who is on the other end of a connection: set by the server from the account, never by the client. */
export interface RoomSession {
  /** Unique per connection in this process; used in logs. */
  connectionId: string;
  userId: string;
  /** The account's display name: what this connection's presence shows and its new feedback must carry. */
  userName: string;
  /** Joined by a share link with only a name. */
  guest: boolean;
  /** The sign-in session the token belongs to (null for a token from before sessions). */
  sessionId: string | null;
  /** The user's role on the draft; the room updates it when the owner changes it mid-session. */
  role: Role;
  /** Milliseconds since the epoch; the connection is closed then (4401). */
  tokenExpiresAt: number;
  /** Milliseconds since the epoch (the token's `iat`): revoking every token of the user moves past it. */
  tokenIssuedAt: number;
}
