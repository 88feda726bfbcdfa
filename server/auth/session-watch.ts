/**
 * Keeps open connections true to their sessions: a session that ends — signed out, every token of
 * the user revoked, the user gone — closes its connections (4401) within seconds, wherever they are.
 * Ends decided in this process act at once and are told to the cluster; a periodic check against
 * storage catches the rest (the command line revokes from another process).
 */
import type { Logger } from '../logger';
import type { RoomSession } from '../rooms/room-socket';
import type { SessionStore, UserStore } from '../storage/storage';

/** Which sessions ended: some of a user's, or (null) all of them. */
export interface SessionEnd {
  userId: string;
  sessionIds: readonly string[] | null;
}

export interface SessionWatchOptions {
  users: Pick<UserStore, 'getUser'>;
  sessions: Pick<SessionStore, 'getSession'>;
  /** The connected sessions, and closing those that ended (RoomRegistry). */
  connected(): RoomSession[];
  endConnections(which: (session: RoomSession) => boolean, detail: string): number;
  intervalMs: number;
  log: Logger;
  /** Cluster only: tells the other processes. */
  publish?(end: SessionEnd): void;
}

export class SessionWatch {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<number> | null = null;

  constructor(private readonly options: SessionWatchOptions) {}

  start(): void {
    this.timer ??= setInterval(() => void this.checkNow(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sessions ended here (an API call): their connections close now, here and on the other processes. */
  ended(end: SessionEnd): void {
    this.close(end, 'session ended');
    this.options.publish?.(end);
  }

  /** Another process ended sessions. */
  heard(end: SessionEnd): void {
    this.close(end, 'session ended elsewhere');
  }

  /** Looks up every connected session once; closes those no longer valid. Returns how many connections closed. */
  checkNow(): Promise<number> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private close(end: SessionEnd, detail: string): number {
    const ids = end.sessionIds ? new Set(end.sessionIds) : null;
    return this.options.endConnections(
      (session) =>
        session.userId === end.userId && (ids === null || (session.sessionId !== null && ids.has(session.sessionId))),
      detail,
    );
  }

  private async check(): Promise<number> {
    const connected = this.options.connected();
    const valid = new Map<string, Promise<boolean>>();
    const stillValid = (session: RoomSession) => {
      const key = `${session.userId} ${session.sessionId ?? `@${session.tokenIssuedAt}`}`;
      let result = valid.get(key);
      if (!result) {
        result = this.isValid(session).catch((error: unknown) => {
          // Storage away: keep the connection; the next check decides.
          this.options.log.warn({ err: error }, 'checking a session failed');
          return true;
        });
        valid.set(key, result);
      }
      return result;
    };
    const ended = new Set<RoomSession>();
    for (const session of connected) if (!(await stillValid(session))) ended.add(session);
    if (ended.size === 0) return 0;
    const closed = this.options.endConnections((session) => ended.has(session), 'session no longer valid');
    this.options.log.info({ closed }, 'closed connections of ended sessions');
    return closed;
  }

  private async isValid(session: RoomSession): Promise<boolean> {
    const user = await this.options.users.getUser(session.userId);
    if (!user || session.tokenIssuedAt < Date.parse(user.tokensValidFrom)) return false;
    if (!session.sessionId) return true;
    const stored = await this.options.sessions.getSession(session.sessionId);
    return stored !== null && stored.revokedAt === null;
  }
}
