/**
 * The outbox: every clip is written here before anything else is tried, and removed only when
 * the server is known to have it. Plain IndexedDB, one store keyed by clipId, so it survives the
 * service worker being stopped at any moment and the browser being closed. Writing an entry is
 * where a clip is checked against its schema, once.
 */
import { z } from 'zod';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import {
  DeliveryProblemSchema,
  type IfSourceExists,
  SourceChoiceSchema,
} from '../../shared/protocol/extension-messages';

export const OUTBOX_DATABASE = 'dampingi-outbox';
const STORE = 'clips';

/** The source card a held clip's page already has in the draft, as the user is shown it. */
export const SourceInDraftSchema = z.object({ title: z.string().max(1000), url: z.string().max(4096) });
export type SourceInDraft = z.infer<typeof SourceInDraftSchema>;

export const OutboxEntrySchema = z.object({
  clipId: z.uuid(),
  /** The server the draft lives on when the clip was taken; a clip never moves to another server. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  clip: ClipSchema,
  createdAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** Why the last attempt did not deliver, if it did not. */
  problem: DeliveryProblemSchema.nullable(),
  /**
   * What delivery does if the clip's page is already a source in the draft. Entries written before
   * this field existed had been checked before they were stored: they go ahead as they are.
   */
  ifSourceExists: SourceChoiceSchema.default('new-source'),
  /** Set when delivery found the page already a source in the draft: the clip waits for the user. */
  sourceInDraft: SourceInDraftSchema.nullable().default(null),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export interface Outbox {
  /** Refuses (rejects with a ZodError) an entry that does not match the schema. */
  put(entry: OutboxEntry): Promise<void>;
  get(clipId: string): Promise<OutboxEntry | null>;
  /**
   * The clips waiting for delivery, oldest first. Entries that no longer parse are logged and left
   * in place, never dropped. Clips held for the user's decision are not among them: see `held`.
   */
  list(): Promise<OutboxEntry[]>;
  /** How many clips wait for delivery (the held ones not counted). */
  count(): Promise<number>;
  /** The clips held because their page is already a source in the draft, oldest first. */
  held(): Promise<OutboxEntry[]>;
  /** Changes an entry if it is still there (a confirmed clip must not come back). */
  update(clipId: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<void>;
  delete(clipId: string): Promise<void>;
  close(): void;
}

/** One spelling per server, so `http://host:8787` and `http://host:8787/` are the same server. */
export function normalizeServerUrl(serverUrl: string): string {
  return new URL(serverUrl).href;
}

/** A new entry, not yet checked: `Outbox.put` checks it. */
export function newOutboxEntry(
  serverUrl: string,
  clip: Clip,
  now: Date,
  ifSourceExists: IfSourceExists = 'ask',
): OutboxEntry {
  return {
    clipId: clip.clipId,
    serverUrl,
    clip,
    createdAt: now.toISOString(),
    attempts: 0,
    lastAttemptAt: null,
    problem: null,
    ifSourceExists,
    sourceInDraft: null,
  };
}

export async function openOutbox(factory: IDBFactory = indexedDB, name = OUTBOX_DATABASE): Promise<Outbox> {
  const db = await request(
    (() => {
      const opening = factory.open(name, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'clipId' });
      return opening;
    })(),
  );
  // Another version of the extension wants the database: let it, and reopen on next use.
  db.onversionchange = () => db.close();

  async function inStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    // 'strict': a clip is on disk before we say it is safe.
    const transaction = db.transaction(STORE, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    const req = run(transaction.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('outbox transaction aborted'));
    });
    return req.result;
  }

  return {
    async put(entry) {
      await inStore('readwrite', (store) => store.put(OutboxEntrySchema.parse(entry)));
    },
    async get(clipId) {
      const raw: unknown = await inStore('readonly', (store) => store.get(clipId));
      if (raw === undefined) return null;
      const parsed = OutboxEntrySchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    list: async () => (await all()).filter((entry) => entry.sourceInDraft === null),
    count: async () => (await all()).filter((entry) => entry.sourceInDraft === null).length,
    held: async () => (await all()).filter((entry) => entry.sourceInDraft !== null),
    async update(clipId, change) {
      await inStore('readwrite', (store) => {
        const reading = store.get(clipId);
        reading.onsuccess = () => {
          // Read as data at rest (parsed); the change is typed and only touches delivery fields.
          const parsed = OutboxEntrySchema.safeParse(reading.result);
          if (parsed.success) store.put(change(parsed.data));
        };
        return reading;
      });
    },
    async delete(clipId) {
      await inStore('readwrite', (store) => store.delete(clipId));
    },
    close: () => db.close(),
  };

  /** Every entry that parses, oldest first; data at rest is read as input. */
  async function all(): Promise<OutboxEntry[]> {
    const raw: unknown[] = await inStore('readonly', (store) => store.getAll());
    const entries: OutboxEntry[] = [];
    for (const value of raw) {
      const parsed = OutboxEntrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
      else console.error('outbox: entry does not match the schema, left in place', parsed.error.issues);
    }
    return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
