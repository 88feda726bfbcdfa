/**
 * Shares kept on the phone until they are sent: the IndexedDB store the service worker writes
 * (extension/public/web-sw.js) and the share page reads and updates. Records are read as input
 * (they come from a form any app filled) and a record that does not parse is left in place, never
 * dropped.
 */
import { z } from 'zod';
import { DraftIdSchema } from '../../../shared/model/ids';
import { ClipFetchRefusalSchema } from '../../../shared/protocol/clip-inbox-api';
import { SHARE_DATABASE, SHARE_STORE } from '../../../shared/protocol/share-target';

const SharedFileSchema = z.object({
  name: z.string().max(300),
  type: z.string().max(100),
  size: z.number().int().nonnegative(),
  /** Null when the file was too large to keep. */
  blob: z.instanceof(Blob).nullable(),
});
export type SharedFile = z.infer<typeof SharedFileSchema>;

/** Where the person sends the share: one of her drafts, or her clip inbox (Kotak klip). */
export const ShareDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), draftId: DraftIdSchema, draftTitle: z.string().max(1000) }),
  z.object({ kind: z.literal('inbox') }),
]);
export type ShareDestination = z.infer<typeof ShareDestinationSchema>;

/** Why a share is not sent yet: each has a sentence on the share page. */
export const ShareProblemSchema = z.discriminatedUnion('kind', [
  /** No connection (or the server did not answer): sent by itself when online again. */
  z.object({ kind: z.literal('offline') }),
  /** The server would not fetch the page; the person may keep it as a link card. */
  z.object({ kind: z.literal('refused'), reason: ClipFetchRefusalSchema }),
  z.object({ kind: z.literal('picture'), reason: z.enum(['not-image', 'unreadable', 'too-large']) }),
  /** Nothing that can be kept came (no link, text or picture). */
  z.object({ kind: z.literal('empty') }),
  /** Anything else the server said (signed out, inbox full…): tried again on the next sending. */
  z.object({ kind: z.literal('server'), reason: z.string().max(100) }),
]);
export type ShareProblem = z.infer<typeof ShareProblemSchema>;

export const SharedEntrySchema = z.object({
  shareId: z.uuid(),
  /** Chosen once by the service worker: the clip is never kept twice, wherever it goes. */
  clipId: z.uuid(),
  receivedAt: z.iso.datetime(),
  title: z.string().max(100_000),
  text: z.string().max(100_000),
  url: z.string().max(100_000),
  files: z.array(SharedFileSchema).max(4),
  /** Null until the person chooses; then the share is sent (now, or once online). */
  destination: ShareDestinationSchema.nullable(),
  /** Kept as a link card instead of the page's content (after the server refused to fetch it). */
  asLink: z.boolean(),
  problem: ShareProblemSchema.nullable(),
});
export type SharedEntry = z.infer<typeof SharedEntrySchema>;

export interface ShareStore {
  /** Every share kept, oldest first. */
  list(): Promise<SharedEntry[]>;
  get(shareId: string): Promise<SharedEntry | null>;
  /** Changes a share if it is still there (a sent share must not come back). */
  update(shareId: string, change: (entry: SharedEntry) => SharedEntry): Promise<void>;
  delete(shareId: string): Promise<void>;
  close(): void;
}

export async function openShareStore(factory: IDBFactory = indexedDB): Promise<ShareStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = factory.open(SHARE_DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(SHARE_STORE, { keyPath: 'shareId' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  db.onversionchange = () => db.close();

  async function inStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const transaction = db.transaction(SHARE_STORE, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    const req = run(transaction.objectStore(SHARE_STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('share transaction aborted'));
    });
    return req.result;
  }

  return {
    async list() {
      const raw: unknown[] = await inStore('readonly', (store) => store.getAll());
      const entries: SharedEntry[] = [];
      for (const value of raw) {
        const parsed = SharedEntrySchema.safeParse(value);
        if (parsed.success) entries.push(parsed.data);
        else console.error('share: kept share does not match the schema, left in place', parsed.error.issues);
      }
      return entries.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    },
    async get(shareId) {
      const raw: unknown = await inStore('readonly', (store) => store.get(shareId));
      const parsed = SharedEntrySchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    async update(shareId, change) {
      await inStore('readwrite', (store) => {
        const reading = store.get(shareId);
        reading.onsuccess = () => {
          const parsed = SharedEntrySchema.safeParse(reading.result);
          if (parsed.success) store.put(SharedEntrySchema.parse(change(parsed.data)));
        };
        return reading;
      });
    },
    async delete(shareId) {
      await inStore('readwrite', (store) => store.delete(shareId));
    },
    close: () => db.close(),
  };
}
