/**
 * How many feedback threads of a draft are still open, for the draft list. Read from the loaded
 * feedback room when there is one, else rebuilt from storage, and cached until that room stores
 * its next update (the only way a count changes).
 */
import * as Y from 'yjs';
import { readThreads } from '../../shared/feedback/feedback-doc';
import { parseRoomName, roomName } from '../../shared/protocol/rooms';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import type { DocumentRoom } from './document-room';

export interface OpenFeedbackCountsOptions {
  documents: Pick<DocumentStore, 'loadDocument'>;
  /** The loaded room of that name, if any (RoomRegistry.room). */
  openRoom(name: string): Pick<DocumentRoom, 'readDocument'> | null;
  logger: Logger;
  /** Counts kept at most; the least recently asked for go first. */
  maxCached?: number;
}

/** One count being read from storage; `stale` once its room stores an update meanwhile. */
interface Loading {
  /** Null when the document could not be read (logged; not cached). */
  count: Promise<number | null>;
  stale: boolean;
}

export function countOpenThreads(doc: Y.Doc): number {
  return readThreads(doc).threads.filter((thread) => thread.status === 'open').length;
}

export class OpenFeedbackCounts {
  /** Draft id → count; a Map keeps insertion order, so re-inserting on use makes it an LRU. */
  private readonly cached = new Map<string, number>();
  private readonly loading = new Map<string, Loading>();
  private readonly maxCached: number;

  constructor(private readonly options: OpenFeedbackCountsOptions) {
    this.maxCached = options.maxCached ?? 10_000;
  }

  async count(draftId: string): Promise<number> {
    const hit = this.cached.get(draftId);
    if (hit !== undefined) {
      this.remember(draftId, hit);
      return hit;
    }
    const fromRoom = this.options.openRoom(roomName(draftId, 'feedback'))?.readDocument(countOpenThreads);
    if (fromRoom != null) {
      this.remember(draftId, fromRoom);
      return fromRoom;
    }
    const inFlight = this.loading.get(draftId);
    if (inFlight && !inFlight.stale) return (await inFlight.count) ?? 0;
    const loading: Loading = { count: this.countStored(draftId), stale: false };
    this.loading.set(draftId, loading);
    try {
      const count = await loading.count;
      if (count !== null && !loading.stale) this.remember(draftId, count);
      return count ?? 0;
    } finally {
      if (this.loading.get(draftId) === loading) this.loading.delete(draftId);
    }
  }

  /** A room stored an update (RoomHooks.afterStoreUpdate); a feedback room's count may have changed. */
  stored(name: string): void {
    const room = parseRoomName(name);
    if (room?.kind !== 'feedback') return;
    this.cached.delete(room.draftId);
    const loading = this.loading.get(room.draftId);
    if (loading) loading.stale = true;
  }

  private remember(draftId: string, count: number): void {
    this.cached.delete(draftId);
    this.cached.set(draftId, count);
    if (this.cached.size > this.maxCached) this.cached.delete(this.cached.keys().next().value as string);
  }

  /** Rebuilds the document as a room would load it; null if unreadable (the list shows 0 rather than failing). */
  private async countStored(draftId: string): Promise<number | null> {
    const name = roomName(draftId, 'feedback');
    const doc = new Y.Doc();
    try {
      const stored = await this.options.documents.loadDocument(name);
      if (!stored) return 0;
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { seq, update } of stored.updates) {
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          this.options.logger.warn({ err: error, room: name, seq }, 'skipping a stored update that cannot be applied');
        }
      }
      return countOpenThreads(doc);
    } catch (error) {
      this.options.logger.error({ err: error, room: name }, 'counting open feedback failed');
      return null;
    } finally {
      doc.destroy();
    }
  }
}
