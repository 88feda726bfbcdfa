/**
 * One draft as delivery needs it, whatever carries it to the server: its document (the local copy,
 * kept in sync), the clips in it, appending a clip, and the server's receipt.
 */
import type { Clip } from '../../shared/model/clip';
import type { ClipInDraft, DraftSection } from '../../shared/model/draft-doc';
import type { ServerReceipt } from './server-receipt';

/** Which draft, on which server, as whom: one open draft per address. */
export interface DraftAddress {
  serverUrl: string;
  /** Null on the web app, where the session is the page's cookie. */
  token: string | null;
  draftId: string;
}

export type AppendResult = { ok: true } | { ok: false; problem: 'invalid-content' };

export interface DraftTarget {
  /** False once the server refused us for good; the pool then opens a fresh one next time. */
  readonly usable: boolean;
  /** True while appended clips still wait for the server's receipt: the pool keeps the draft open. */
  readonly awaitingReceipts: boolean;
  /**
   * Resolves once the document reflects the server, or once waiting cannot help (offline,
   * refused, `waitMs` over): then the local copy is all there is to know.
   */
  settled(waitMs: number): Promise<void>;
  /** The draft's clips (source cards and additions) as far as known now. */
  clips(): ClipInDraft[];
  /** The draft's sections (top-level headings) as far as known now, to place a clip under one. */
  sections(): DraftSection[];
  /** Appends the clip (idempotent by clipId) and keeps it in the local copy. */
  append(clip: Clip): Promise<AppendResult>;
  readonly receipt: ServerReceipt;
  destroy(): void;
}

/** Opens a draft; `onConfirmed` hears every clip the server is proven to hold, also late ones. */
export type OpenDraft = (address: DraftAddress, onConfirmed: (clipId: string) => Promise<void>) => DraftTarget;
