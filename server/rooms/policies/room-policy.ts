/**
 * What differs between kinds of room (a draft's content, its mentoring document): who may write,
 * and what an update must follow beyond the role. The room runs everything else the same way.
 */
import type * as Y from 'yjs';
import type { Capability } from '../../../shared/auth/roles';
import type { DraftSummary } from '../../../shared/model/draft-summary';
import type { WriteRefusal } from '../../../shared/protocol/write-refusal';
import type { RoomSession } from '../room-socket';
import type { DecodedUpdate } from '../sync-messages';

/** Why a rule refused an update: what the sender is told (`code`, `reason`) and what is logged (`detail`). */
export interface RuleRefusal {
  code: Exclude<WriteRefusal['code'], 'read-only'>;
  reason: NonNullable<WriteRefusal['reason']>;
  detail: string;
}

export interface RoomPolicy {
  /** What a connection's role must allow to change the document (reading needs `read`). */
  readonly writeCapability: Capability;
  /**
   * `check` reads each struct on its own, so a large update may be checked one slice at a time
   * (scanned-commit.ts) and is never decoded whole; false: it is given every update whole.
   */
  readonly checksSlices: boolean;
  /** The room's document is loaded; the policy follows it from now on (and never changes it). */
  attach(doc: Y.Doc): void;
  /**
   * Why `update` from `session` may not be stored, or null. The document is left untouched. Several
   * updates may be checked before any is applied (one commit): each as if those accepted before it were.
   */
  check(update: DecodedUpdate, session: RoomSession): RuleRefusal | null;
  /** The updates accepted since the last call are applied (`allApplied`), or some never will be (storing failed). */
  settle(allApplied: boolean): void;
  /** The draft's summary as of now, when this kind of room has one (the mentoring document). */
  summary?(): DraftSummary;
  /** The room is unloaded. */
  detach(): void;
}
