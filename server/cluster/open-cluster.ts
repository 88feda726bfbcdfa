/**
 * The cluster parts of a server process, present when DAMPINGI_REDIS_URL is set: fan-out of updates,
 * presence and role changes over Redis, and the compaction lease in PostgreSQL. Opening fails with a
 * message naming Redis's host (never its password) when Redis cannot be reached.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Role } from '../../shared/auth/roles';
import type { Logger } from '../logger';
import type { CompactionLease } from '../rooms/background-compaction';
import type { JoinCluster } from '../rooms/room-link';
import { createPostgresCompactionLease } from './compaction-lease';
import { openRedisFanout } from './redis-fanout';

export interface Cluster {
  readonly processId: string;
  readonly joinRoom: JoinCluster;
  readonly compactionLease: CompactionLease;
  publishAccess(draftId: string, userId: string, role: Role | null): void;
  publishSessionEnd(userId: string, sessionIds: string[] | null): void;
  close(): Promise<void>;
}

export interface OpenClusterOptions {
  redisUrl: string;
  databaseUrl: string;
  logger: Logger;
  onAccessChange(draftId: string, userId: string, role: Role | null): void;
  onSessionEnd(userId: string, sessionIds: string[] | null): void;
}

export async function openCluster(options: OpenClusterOptions): Promise<Cluster> {
  // Unique even for two servers in one Node process (tests), unlike the pid alone.
  const processId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const fanout = await openRedisFanout({
    url: options.redisUrl,
    processId,
    logger: options.logger,
    onAccessChange: options.onAccessChange,
    onSessionEnd: options.onSessionEnd,
  });
  const lease = createPostgresCompactionLease({
    url: options.databaseUrl,
    onIdleError: (error) => options.logger.warn({ err: error }, 'an idle PostgreSQL connection of the lease failed'),
  });
  options.logger.info({ processId }, 'cluster mode: sharing rooms with other processes through Redis');
  return {
    processId,
    joinRoom: fanout.joinRoom,
    compactionLease: lease,
    publishAccess: fanout.publishAccess,
    publishSessionEnd: fanout.publishSessionEnd,
    close: async () => {
      await fanout.close();
      await lease.close();
    },
  };
}
