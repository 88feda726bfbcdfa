/**
 * Hook points in a room's life, so summaries, versions and metrics plug in without touching sync.
 * Hooks run inside the room's serial queue, in order. What a room accepts is its policy's business
 * (policies/room-policy.ts), not a hook's.
 */
import type * as Y from 'yjs';
import type { DraftSummary } from '../../shared/model/draft-summary';
import type { RoomSession } from './room-socket';

export interface UpdateEvent {
  roomName: string;
  session: RoomSession;
  update: Uint8Array;
}

export interface RoomHooks {
  /** The document is loaded from storage; no connection has been answered yet. */
  afterLoad?(event: { roomName: string; doc: Y.Doc }): void;
  /**
   * The update is durably stored and applied. `doc` is the room's document right after it, at
   * `seq`; read it now (it moves on), never change it. `summary` reads the draft's summary as of
   * now, for rooms that keep one (the mentoring document), without a pass over the document.
   */
  afterStoreUpdate?(event: UpdateEvent & { seq: number; doc: Y.Doc; summary?: () => DraftSummary }): void;
  /** The room's document was destroyed after its last connection left. */
  afterUnload?(event: { roomName: string }): void;
}
