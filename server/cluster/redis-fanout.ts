/**
 * Fan-out between the server processes of a cluster over Redis pub/sub: one channel per loaded room,
 * subscribed while the room is loaded. Pub/sub keeps nothing, which is the point: PostgreSQL holds
 * every update with its per-document seq, so a process that missed messages (Redis restarted, its
 * connection dropped) reads them from there instead of from a second copy in Redis (see README,
 * Architecture). On every reconnect each loaded room catches up from storage; an update whose
 * publish failed is announced by its seq ("head") once Redis is back.
 */
import { Redis } from 'ioredis';
import type { Role } from '../../shared/auth/roles';
import type { Logger } from '../logger';
import type { JoinCluster, RoomLink, RoomPeer } from '../rooms/room-link';
import {
  ACCESS_CHANNEL,
  decodeClusterNotice,
  decodeRoomMessage,
  encodeRoomMessage,
  type RoomMessage,
  roomChannel,
} from './cluster-messages';

export interface RedisFanoutOptions {
  url: string;
  /** Names this process in messages (hostname:pid), so it skips what it published itself. */
  processId: string;
  logger: Logger;
  /** Another process changed someone's role on a draft (or removed them: null). */
  onAccessChange(draftId: string, userId: string, role: Role | null): void;
  /** Another process ended sessions of `userId` (null: all of them). */
  onSessionEnd(userId: string, sessionIds: string[] | null): void;
  /** How long joining a room waits for Redis to confirm the subscription. */
  subscribeTimeoutMs?: number;
}

export interface RedisFanout {
  readonly joinRoom: JoinCluster;
  /** Tells the other processes that a role changed here, so their open connections follow too. */
  publishAccess(draftId: string, userId: string, role: Role | null): void;
  /** Tells the other processes that sessions ended here, so their open connections close too. */
  publishSessionEnd(userId: string, sessionIds: string[] | null): void;
  close(): Promise<void>;
}

/** The URL without its password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
  } catch {
    return '(unparseable Redis URL)';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function openRedisFanout(options: RedisFanoutOptions): Promise<RedisFanout> {
  const { logger, processId } = options;
  const where = describeRedisUrl(options.url);
  let started = false;
  const connectionOptions = {
    lazyConnect: true,
    connectTimeout: 5_000,
    // At start a failure is reported at once; later the connection is retried for as long as it takes.
    retryStrategy: (attempt: number) => (started ? Math.min(attempt * 100, 1_000) : null),
  };
  // Subscriptions are renewed by hand on reconnect, so that the catch-up starts only after them.
  const subscriber = new Redis(options.url, { ...connectionOptions, autoResubscribe: false });
  // A publish while Redis is away fails at once instead of queueing; its seq is announced later.
  const publisher = new Redis(options.url, { ...connectionOptions, enableOfflineQueue: false });
  /** Connections lost since they were last ready; an outage is logged once, not per retry. */
  const lost = new Set<Redis>();
  for (const [role, connection] of [
    ['subscriber', subscriber],
    ['publisher', publisher],
  ] as const) {
    connection.on('error', (error: Error) => {
      if (started && !lost.has(connection)) logger.warn({ err: error, redis: where, connection: role }, 'Redis failed');
    });
    connection.on('close', () => {
      if (!started || lost.has(connection)) return;
      lost.add(connection);
      logger.warn({ redis: where, connection: role }, 'lost Redis: rooms go on here and catch up when it is back');
    });
  }
  try {
    await Promise.all([subscriber.connect(), publisher.connect()]);
    await subscriber.subscribe(ACCESS_CHANNEL);
  } catch (error) {
    subscriber.disconnect();
    publisher.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis at ${where}: ${reason}`, { cause: error });
  }
  started = true;

  /** Rooms loaded here, by channel (two while a room is unloaded and loaded again). */
  const peers = new Map<string, Set<RoomPeer>>();
  const subscriptions = new Map<string, Promise<void>>();
  /** Rooms whose latest committed update could not be published: the seq to announce once Redis is back. */
  const unannounced = new Map<string, number>();

  subscriber.on('messageBuffer', (channelBytes: Buffer, payload: Buffer) => {
    const channel = channelBytes.toString();
    if (channel === ACCESS_CHANNEL) {
      const notice = decodeClusterNotice(payload.toString());
      if (!notice) logger.warn('dropped an access notice from Redis that does not decode');
      else if (notice.sender === processId) return;
      else if ('kind' in notice) options.onSessionEnd(notice.userId, notice.sessionIds);
      else options.onAccessChange(notice.draftId, notice.userId, notice.role);
      return;
    }
    const message = decodeRoomMessage(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    if (!message) {
      logger.warn({ channel }, 'dropped a room message from Redis that does not decode');
      return;
    }
    if (message.sender === processId) return;
    for (const peer of peers.get(channel) ?? []) deliver(peer, message);
  });

  function deliver(peer: RoomPeer, message: RoomMessage): void {
    if (message.kind === 'update') peer.receiveUpdate(message.seq, message.update);
    else if (message.kind === 'awareness') peer.receiveAwareness(message.update);
    else peer.receiveHead(message.seq);
  }

  subscriber.on('ready', () => {
    if (!lost.delete(subscriber)) return; // the first connection

    const channels = [...peers.keys()];
    logger.info({ redis: where, rooms: channels.length }, 'Redis is back: catching up every loaded room from storage');
    void subscriber
      .subscribe(ACCESS_CHANNEL, ...channels)
      .catch((error: unknown) => logger.warn({ err: error }, 'renewing Redis subscriptions failed'))
      .finally(() => {
        for (const set of peers.values()) for (const peer of set) peer.catchUp();
      });
  });
  publisher.on('ready', () => {
    lost.delete(publisher);
    for (const [channel, seq] of unannounced) {
      unannounced.delete(channel);
      publish(channel, { kind: 'head', sender: processId, seq });
    }
  });

  function publish(channel: string, message: RoomMessage): void {
    publisher.publish(channel, Buffer.from(encodeRoomMessage(message))).catch((error: unknown) => {
      if (message.kind === 'awareness') return; // presence is renewed by the clients every few seconds
      const seq = Math.max(message.seq, unannounced.get(channel) ?? 0);
      unannounced.set(channel, seq);
      logger.debug({ err: error, channel, seq }, 'publishing to Redis failed; announced when it is back');
    });
  }

  function subscribe(channel: string): Promise<void> {
    let subscribed = subscriptions.get(channel);
    if (!subscribed) {
      // While Redis is away there is nothing to wait for: the reconnect subscribes and catches up.
      subscribed =
        subscriber.status === 'ready'
          ? withTimeout(subscriber.subscribe(channel), options.subscribeTimeoutMs ?? 2_000, 'subscribing')
              .then(() => undefined)
              .catch((error: unknown) => logger.warn({ err: error, channel }, 'subscribing to a room failed'))
          : Promise.resolve();
      subscriptions.set(channel, subscribed);
    }
    return subscribed;
  }

  const joinRoom: JoinCluster = async (roomName, peer) => {
    const channel = roomChannel(roomName);
    const set = peers.get(channel) ?? new Set();
    peers.set(channel, set);
    set.add(peer);
    await subscribe(channel);
    let open = true;
    const link: RoomLink = {
      publishUpdate: (seq, update) => {
        if (open) publish(channel, { kind: 'update', sender: processId, seq, update });
      },
      publishAwareness: (update) => {
        if (open) publish(channel, { kind: 'awareness', sender: processId, update });
      },
      close: () => {
        if (!open) return;
        open = false;
        set.delete(peer);
        if (set.size > 0 || peers.get(channel) !== set) return;
        peers.delete(channel);
        subscriptions.delete(channel);
        if (subscriber.status === 'ready') {
          subscriber.unsubscribe(channel).catch((error: unknown) => logger.debug({ err: error }, 'unsubscribe failed'));
        }
      },
    };
    return link;
  };

  return {
    joinRoom,
    publishAccess(draftId, userId, role) {
      const text = JSON.stringify({ sender: processId, draftId, userId, role });
      publisher.publish(ACCESS_CHANNEL, text).catch((error: unknown) => {
        // Open connections elsewhere keep the old role until they reconnect; logged so it is visible.
        logger.warn({ err: error, draftId, userId }, 'telling other processes about a role change failed');
      });
    },
    publishSessionEnd(userId, sessionIds) {
      const text = JSON.stringify({ kind: 'session-end', sender: processId, userId, sessionIds });
      publisher.publish(ACCESS_CHANNEL, text).catch((error: unknown) => {
        // The periodic session check on the other processes closes them within its interval anyway.
        logger.warn({ err: error, userId }, 'telling other processes about ended sessions failed');
      });
    },
    async close() {
      started = false;
      for (const connection of [subscriber, publisher]) {
        if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
        else connection.disconnect();
      }
    },
  };
}
