/**
 * Saving a version of a draft's content: the content document's full Yjs state as it is now (the
 * live room's, else storage's), gzip-compressed, with who saved it and the feedback counts of that
 * moment. Unchanged content is stored once (the store keeps a reference instead, by SHA-256).
 */
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import * as Y from 'yjs';
import { readThreads } from '../../shared/mentoring/threads';
import type { Stage } from '../../shared/model/stages';
import { roomName } from '../../shared/protocol/rooms';
import type { VersionInfo, VersionKind } from '../../shared/versions/version-schema';
import type { VersionRecord, VersionStore } from '../storage/storage';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface VersionDeps {
  versions: VersionStore;
  /** `read` on a document as it is now (rooms/stored-document.ts readCurrentDocument). */
  readDocument<T>(name: string, read: (doc: Y.Doc) => T): Promise<T>;
}

export interface FeedbackCounts {
  open: number;
  resolved: number;
}

export interface SaveVersionInput {
  draftId: string;
  kind: VersionKind;
  name: string | null;
  createdBy: { id: string; name: string };
  fromStage?: Stage | null;
  toStage?: Stage | null;
  restoredFrom?: string | null;
  stageMoveId?: string | null;
  /** Counts already known (the stage hook has the feedback document at hand); else read now. */
  feedback?: FeedbackCounts;
}

export function newVersionId(): string {
  return `v-${randomBytes(12).toString('base64url')}`;
}

export function feedbackCounts(doc: Y.Doc): FeedbackCounts {
  const { threads } = readThreads(doc);
  const open = threads.filter((thread) => thread.status === 'open').length;
  return { open, resolved: threads.length - open };
}

/**
 * Stores a version of the draft's content as it is at the call (the live room is read before the
 * first await). Null when a version for the same stage move exists already.
 */
export async function saveVersion(deps: VersionDeps, input: SaveVersionInput): Promise<VersionRecord | null> {
  const state = await deps.readDocument(roomName(input.draftId), (doc) => Y.encodeStateAsUpdate(doc));
  const feedback = input.feedback ?? (await deps.readDocument(roomName(input.draftId, 'mentoring'), feedbackCounts));
  const compressed = new Uint8Array(await gzipAsync(state, { level: 6 }));
  return deps.versions.createVersion({
    id: newVersionId(),
    draftId: input.draftId,
    name: input.name,
    kind: input.kind,
    fromStage: input.fromStage ?? null,
    toStage: input.toStage ?? null,
    restoredFrom: input.restoredFrom ?? null,
    stageMoveId: input.stageMoveId ?? null,
    createdBy: input.createdBy.id,
    createdByName: input.createdBy.name,
    byteSize: state.byteLength,
    contentHash: createHash('sha256').update(state).digest('hex'),
    state: compressed,
    feedbackOpen: feedback.open,
    feedbackResolved: feedback.resolved,
  });
}

/** The version's Yjs state, uncompressed; null when the draft has no such version. */
export async function readVersionState(
  versions: VersionStore,
  draftId: string,
  versionId: string,
): Promise<Uint8Array | null> {
  const compressed = await versions.getVersionState(draftId, versionId);
  return compressed ? new Uint8Array(await gunzipAsync(compressed)) : null;
}

/** A stored version as the API shows it. */
export function versionInfo(record: VersionRecord): VersionInfo {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    fromStage: record.fromStage,
    toStage: record.toStage,
    restoredFrom: record.restoredFrom,
    createdBy: { id: record.createdBy, name: record.createdByName },
    createdAt: record.createdAt,
    byteSize: record.byteSize,
    sameAs: record.sameAs,
    feedback: { open: record.feedbackOpen, resolved: record.feedbackResolved },
  };
}
