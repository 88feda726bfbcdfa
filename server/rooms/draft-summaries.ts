/**
 * Keeps each draft's summary (shared/model/draft-summary.ts) stored beside the draft, so the draft
 * list and the overviews never load documents: recomputed from the live feedback room's document
 * each time it stores an update, and written when it changed. A draft from before summaries has
 * none yet; its first listing computes it once from storage and stores it.
 */
import type * as Y from 'yjs';
import { summarizeMentoringDoc } from '../../shared/mentoring/summary';
import { type DraftSummary, DraftSummarySchema, EMPTY_SUMMARY } from '../../shared/model/draft-summary';
import { parseRoomName, roomName } from '../../shared/protocol/rooms';
import type { Logger } from '../logger';
import type { DocumentStore, DraftStore } from '../storage/storage';
import type { UpdateEvent } from './room-hooks';
import { readStoredDocument } from './stored-document';

export interface DraftSummariesOptions {
  drafts: Pick<DraftStore, 'putSummary'>;
  documents: Pick<DocumentStore, 'loadDocument'>;
  logger: Logger;
  /**
   * A changed summary is written at most this often per draft (the latest one wins): a burst of
   * notes costs one write, not one each. `whenIdle` and unloading write what waits at once.
   */
  coalesceMs?: number;
}

/** The stored JSON as a summary; null when missing or not (any longer) a valid summary. */
export function parseStoredSummary(json: string | null): DraftSummary | null {
  if (json === null) return null;
  try {
    const parsed = DraftSummarySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class DraftSummaries {
  /**
   * Draft id → the summary JSON this process last wrote while the draft's feedback room is loaded,
   * to skip writing an unchanged one. Emptied on unload, so a room's first update always writes
   * (which also repairs a summary a crash left behind its document).
   */
  private readonly written = new Map<string, string>();
  /** Summaries of drafts without one, being computed from storage, so parallel lists share the work. */
  private readonly computing = new Map<string, Promise<DraftSummary>>();
  private readonly writes = new Set<Promise<unknown>>();
  /** Draft id → the latest summary not yet written, and the timer that writes it. */
  private readonly waiting = new Map<string, { json: string; seq: number; timer: NodeJS.Timeout }>();

  constructor(private readonly options: DraftSummariesOptions) {}

  /** RoomHooks.afterStoreUpdate: a feedback room's summary may have changed with this update. */
  stored(event: Pick<UpdateEvent, 'roomName'> & { seq: number; doc: Y.Doc; summary?: () => DraftSummary }): void {
    const room = parseRoomName(event.roomName);
    if (room?.kind !== 'mentoring') return;
    let json: string;
    try {
      // The room keeps it up to date as updates arrive; reading the whole document is the fallback.
      json = JSON.stringify(event.summary ? event.summary() : summarizeMentoringDoc(event.doc));
    } catch (error) {
      this.options.logger.error({ err: error, room: event.roomName }, 'summarizing the feedback document failed');
      return;
    }
    const { draftId } = room;
    const waiting = this.waiting.get(draftId);
    if (waiting) {
      waiting.json = json;
      waiting.seq = event.seq;
      return;
    }
    if (this.written.get(draftId) === json) return;
    const coalesceMs = this.options.coalesceMs ?? 0;
    if (coalesceMs === 0) {
      this.write(draftId, json, event.seq);
      return;
    }
    const timer = setTimeout(() => this.flush(draftId), coalesceMs);
    timer.unref();
    this.waiting.set(draftId, { json, seq: event.seq, timer });
  }

  /** RoomHooks.afterUnload. */
  unloaded(name: string): void {
    const room = parseRoomName(name);
    if (room?.kind !== 'mentoring') return;
    this.flush(room.draftId);
    this.written.delete(room.draftId);
  }

  private flush(draftId: string): void {
    const waiting = this.waiting.get(draftId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(draftId);
    if (this.written.get(draftId) !== waiting.json) this.write(draftId, waiting.json, waiting.seq);
  }

  private write(draftId: string, json: string, seq: number): void {
    this.written.set(draftId, json);
    this.track(
      this.options.drafts.putSummary(draftId, json, seq).catch((error: unknown) => {
        // Forget it, so the room's next update tries again.
        if (this.written.get(draftId) === json) this.written.delete(draftId);
        this.options.logger.error({ err: error, draft: draftId, seq }, 'storing the draft summary failed');
      }),
    );
  }

  /** The draft's summary as listed: the stored one, or (once per draft) computed from storage and stored. */
  async summaryOf(draft: { id: string; summaryJson: string | null }): Promise<DraftSummary> {
    // A newer summary waiting to be written is the one to show.
    const waiting = parseStoredSummary(this.waiting.get(draft.id)?.json ?? null);
    if (waiting) return waiting;
    const stored = parseStoredSummary(draft.summaryJson);
    if (stored) return stored;
    const inFlight = this.computing.get(draft.id);
    if (inFlight) return inFlight;
    const computing = this.computeAndStore(draft.id);
    this.computing.set(draft.id, computing);
    try {
      return await computing;
    } finally {
      this.computing.delete(draft.id);
    }
  }

  /** Writes what waits, and resolves once every write has finished (before closing the storage). */
  async whenIdle(): Promise<void> {
    for (const draftId of [...this.waiting.keys()]) this.flush(draftId);
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  /** Unreadable (logged): the first stage with nothing open, not stored, so the next listing tries again. */
  private async computeAndStore(draftId: string): Promise<DraftSummary> {
    const name = roomName(draftId, 'mentoring');
    let computed: { summary: DraftSummary; lastSeq: number };
    try {
      computed = await readStoredDocument(this.options, name, (doc, lastSeq) => ({
        summary: summarizeMentoringDoc(doc),
        lastSeq,
      }));
    } catch (error) {
      this.options.logger.error({ err: error, room: name }, 'computing a draft summary from storage failed');
      return EMPTY_SUMMARY;
    }
    // A live room that stored a later update meanwhile has written a newer one: this write then loses.
    const write = this.options.drafts.putSummary(draftId, JSON.stringify(computed.summary), computed.lastSeq);
    this.track(write);
    try {
      await write;
      this.options.logger.info({ draft: draftId }, 'stored the first summary of a draft from before summaries');
    } catch (error) {
      this.options.logger.error({ err: error, draft: draftId }, 'storing a computed draft summary failed');
    }
    return computed.summary;
  }

  private track(write: Promise<unknown>): void {
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    this.writes.add(settled);
    void settled.then(() => this.writes.delete(settled));
  }
}
