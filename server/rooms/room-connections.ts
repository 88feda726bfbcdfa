/**
 * The connections of one room: who is here, sending to them, closing them with a named code, and
 * the clock each one runs on — a connection is closed when its sign-in token expires, not only at
 * its next message.
 */
import { CloseCode, closeReasons } from '../../shared/protocol/close-codes';
import type { Logger } from '../logger';
import type { PresenceSpeaker } from './room-presence';
import type { RoomSession, RoomSocket } from './room-socket';

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** A connection's place in the room. */
export interface RoomConnection extends PresenceSpeaker {
  readonly session: RoomSession;
  readonly socket: RoomSocket;
  /** Its messages received but not yet handled. */
  pending: number;
  /** Rule refusals it may still cause before it is closed (each costs the room a re-check); refills over time. */
  refusalAllowance: number;
  refusalCheckedAt: number;
  expiryTimer: NodeJS.Timeout | null;
}

export interface RoomConnectionsOptions {
  log: Logger;
  /** Milliseconds since the epoch; tests move it. */
  now: () => number;
  /** Rule refusals a connection may cause in a burst, and how many it regains per minute. */
  refusalBurst: number;
  refusalsPerMinute: number;
  /** A connection was removed (left or closed); presence and the room's emptiness follow. */
  onRemoved(connection: RoomConnection, why: 'left' | 'closed'): void;
}

/** setTimeout's longest delay; a later expiry re-arms when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class RoomConnections {
  private readonly all = new Set<RoomConnection>();

  constructor(private readonly options: RoomConnectionsOptions) {}

  get size(): number {
    return this.all.size;
  }

  [Symbol.iterator](): Iterator<RoomConnection> {
    return this.all[Symbol.iterator]();
  }

  has(connection: RoomConnection): boolean {
    return this.all.has(connection);
  }

  add(socket: RoomSocket, session: RoomSession): RoomConnection {
    const connection: RoomConnection = {
      session,
      socket,
      presenceIds: new Set(),
      pending: 0,
      refusalAllowance: this.options.refusalBurst,
      refusalCheckedAt: this.options.now(),
      expiryTimer: null,
    };
    this.all.add(connection);
    this.armExpiry(connection);
    return connection;
  }

  send(connection: RoomConnection, message: Uint8Array, continuesBurst = false): void {
    if (this.all.has(connection) && connection.socket.isOpen()) connection.socket.send(message, continuesBurst);
  }

  hasExpired(connection: RoomConnection): boolean {
    return this.options.now() >= connection.session.tokenExpiresAt;
  }

  /** Counts a rule refusal; false when the connection has caused too many and must be closed. */
  takeRefusal(connection: RoomConnection): boolean {
    const now = this.options.now();
    const regained = ((now - connection.refusalCheckedAt) / 60_000) * this.options.refusalsPerMinute;
    connection.refusalAllowance = Math.min(this.options.refusalBurst, connection.refusalAllowance + regained);
    connection.refusalCheckedAt = now;
    connection.refusalAllowance -= 1;
    return connection.refusalAllowance >= 0;
  }

  close(connection: RoomConnection, code: CloseCodeValue, detail: string): void {
    if (!this.all.has(connection)) return;
    const level = code >= 4500 ? 'info' : 'warn';
    this.options.log[level]({ connection: connection.session.connectionId, code, detail }, 'closing connection');
    this.remove(connection, 'closed');
    connection.socket.close(code, closeReasons[code]);
  }

  /** Closes every connection `which` picks (e.g. one user's, one session's). */
  closeWhere(which: (session: RoomSession) => boolean, code: CloseCodeValue, detail: string): number {
    let closed = 0;
    for (const connection of [...this.all]) {
      if (!which(connection.session)) continue;
      this.close(connection, code, detail);
      closed += 1;
    }
    return closed;
  }

  remove(connection: RoomConnection, why: 'left' | 'closed'): void {
    if (!this.all.delete(connection)) return;
    if (connection.expiryTimer) clearTimeout(connection.expiryTimer);
    connection.expiryTimer = null;
    if (why === 'left') this.options.log.info({ connection: connection.session.connectionId }, 'connection left');
    this.options.onRemoved(connection, why);
  }

  private armExpiry(connection: RoomConnection): void {
    const left = connection.session.tokenExpiresAt - this.options.now();
    if (!Number.isFinite(left)) return;
    connection.expiryTimer = setTimeout(
      () => {
        connection.expiryTimer = null;
        if (!this.all.has(connection)) return;
        if (this.hasExpired(connection)) this.close(connection, CloseCode.Unauthorized, 'token expired');
        else this.armExpiry(connection);
      },
      Math.min(Math.max(left, 0), MAX_TIMER_MS),
    );
    connection.expiryTimer.unref();
  }
}
