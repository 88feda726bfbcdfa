/**
 * Hook points in a room's life, so auth rules, metrics and fan-out between server nodes (Redis)
 * plug in without touching sync. Hooks run inside the room's serial queue, in order.
 */
import type * as Y from 'yjs';
import type { CloseCode } from '../../shared/protocol/close-codes';
import type { RoomSession } from './room-socket';

/** Why a hook refuses a connection's message; the connection is closed with `code`. */
export interface HookRefusal {
  code: (typeof CloseCode)[keyof typeof CloseCode];
  detail: string;
}

export interface UpdateEvent {
  roomName: string;
  session: RoomSession;
  update: Uint8Array;
}

export interface RoomHooks {
  /** The document is loaded from storage; no connection has been answered yet. */
  afterLoad?(event: { roomName: string; doc: Y.Doc }): void;
  /**
   * A decoded, non-empty update is about to be stored. Returning a refusal closes that connection
   * and nothing is stored or applied (later: read-only roles such as a commenter on content).
   */
  beforeStoreUpdate?(event: UpdateEvent): HookRefusal | null | Promise<HookRefusal | null>;
  /**
   * The update is durably stored and applied (later: publish it to other server nodes). `doc` is
   * the room's document right after it, at `seq`; read it now (it moves on), never change it.
   */
  afterStoreUpdate?(event: UpdateEvent & { seq: number; doc: Y.Doc }): void;
  /** The room's document was destroyed after its last connection left. */
  afterUnload?(event: { roomName: string }): void;
}
