import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../extension/api/api-transport';
import type { FromUrlResult } from '../../extension/api/clip-inbox-client';
import {
  chooseDestination,
  type ShareSendingDeps,
  sendShare,
  sendWaiting,
} from '../../extension/app/share/share-sending';
import { openShareStore, type SharedEntry } from '../../extension/app/share/share-store';
import type { Filing } from '../../extension/app/share/web-clip-filing';
import type { Clip } from '../../shared/model/clip';
import type { InboxClip } from '../../shared/protocol/clip-inbox-api';
import { SHARE_DATABASE, SHARE_STORE } from '../../shared/protocol/share-target';

const APP_URL = 'https://dampingi.sekolah.id/editor.html';

/** Writes a share as the service worker does (extension/public/web-sw.js). */
async function keptShare(factory: IDBFactory, fields: Partial<SharedEntry>): Promise<SharedEntry> {
  const entry: SharedEntry = {
    shareId: crypto.randomUUID(),
    clipId: crypto.randomUUID(),
    receivedAt: new Date('2026-12-01T08:00:00Z').toISOString(),
    title: '',
    text: '',
    url: '',
    files: [],
    destination: null,
    asLink: false,
    problem: null,
    ...fields,
  };
  await openShareStore(factory); // creates the store as the worker's upgrade does
  await new Promise<void>((resolve, reject) => {
    const opening = factory.open(SHARE_DATABASE, 1);
    opening.onsuccess = () => {
      const transaction = opening.result.transaction(SHARE_STORE, 'readwrite');
      transaction.objectStore(SHARE_STORE).put(entry);
      transaction.oncomplete = () => {
        opening.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
  return entry;
}

/** The server and the draft delivery as the queue sees them: answers chosen by the test, calls recorded. */
function world(factory: IDBFactory) {
  const inboxPuts: InboxClip[] = [];
  const filed: { clip: Clip; ifSourceExists: string | undefined }[] = [];
  const fetched: string[] = [];
  const state = {
    online: true,
    fromUrl: null as FromUrlResult | null,
    filingOutcome: { filed: true, outcome: { delivered: true } } as Filing,
  };
  const deps = async (): Promise<ShareSendingDeps> => ({
    store: await openShareStore(factory),
    appUrl: APP_URL,
    untitled: 'Dibagikan dari ponsel',
    async fromUrl(request) {
      fetched.push(request.url);
      if (!state.online) return { ok: false, refused: null, reason: 'network' };
      return (
        state.fromUrl ?? {
          ok: true,
          value: {
            kind: 'article',
            source: { ...sourceFor(request.url), title: 'Fotosintesis' },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Isi halaman' }] }],
          },
        }
      );
    },
    async putInInbox(clip): Promise<ApiResult<void>> {
      if (!state.online) return { ok: false, reason: 'network', message: 'offline' };
      inboxPuts.push(clip);
      return { ok: true, value: undefined };
    },
    filing: {
      async file(clip, ifSourceExists) {
        filed.push({ clip, ifSourceExists });
        return state.filingOutcome;
      },
    },
    async preparePicture() {
      return { ok: true, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', bytes: 8, size: { width: 4, height: 4 } };
    },
  });
  return { deps, state, inboxPuts, filed, fetched };
}

function sourceFor(url: string) {
  return {
    title: url,
    url,
    siteName: null,
    author: null,
    publishedAt: null,
    licence: null,
    language: null,
    description: null,
    capturedAt: '2026-12-01T08:00:00.000Z',
  };
}

describe('shares kept on the phone are sent once, where the person chose', () => {
  it('a text share into Kotak klip is put once with the clipId chosen when it was shared, from the phone', async () => {
    const factory = new IDBFactory();
    const { deps, inboxPuts } = world(factory);
    const entry = await keptShare(factory, { text: 'Tumbuhan membuat makanannya sendiri.' });
    const store = await openShareStore(factory);
    await chooseDestination(store, entry.shareId, { kind: 'inbox' });

    expect(await sendShare(entry.shareId, await deps())).toEqual({ state: 'sent' });
    expect(inboxPuts).toHaveLength(1);
    expect(inboxPuts[0]).toMatchObject({ clipId: entry.clipId, kind: 'selection', origin: 'phone' });
    expect(inboxPuts[0]?.source).toMatchObject({ url: APP_URL, title: 'Dibagikan dari ponsel' });
    expect(await store.list()).toEqual([]);
  });

  it('offline the share waits on the phone; once online it is sent once, and a later sending sends nothing', async () => {
    const factory = new IDBFactory();
    const { deps, state, inboxPuts } = world(factory);
    const entry = await keptShare(factory, { text: 'Catatan dari kelas', url: 'https://example.org/a' });
    const store = await openShareStore(factory);
    await chooseDestination(store, entry.shareId, { kind: 'inbox' });
    state.online = false;

    expect(await sendShare(entry.shareId, await deps())).toEqual({ state: 'waiting', problem: { kind: 'offline' } });
    expect(await store.get(entry.shareId)).toMatchObject({ problem: { kind: 'offline' } });
    expect(await sendWaiting(await deps())).toBe(0);

    state.online = true;
    expect(await sendWaiting(await deps())).toBe(1);
    expect(await sendWaiting(await deps())).toBe(0);
    expect(inboxPuts.map((clip) => clip.clipId)).toEqual([entry.clipId]);
    expect(inboxPuts[0]?.source.url).toBe('https://example.org/a');
  });

  it('a share with no destination chosen is not sent', async () => {
    const factory = new IDBFactory();
    const { deps, inboxPuts, filed } = world(factory);
    await keptShare(factory, { url: 'https://example.org/a' });
    expect(await sendWaiting(await deps())).toBe(0);
    expect(inboxPuts).toEqual([]);
    expect(filed).toEqual([]);
  });

  it('a link into a draft is fetched by the server and filed with the share clipId; the outbox takes over', async () => {
    const factory = new IDBFactory();
    const { deps, filed, fetched } = world(factory);
    const entry = await keptShare(factory, { url: 'https://example.org/fotosintesis' });
    const store = await openShareStore(factory);
    await chooseDestination(store, entry.shareId, { kind: 'draft', draftId: 'draft-0001', draftTitle: 'LKPD' });

    expect(await sendShare(entry.shareId, await deps())).toEqual({ state: 'sent' });
    expect(fetched).toEqual(['https://example.org/fotosintesis']);
    expect(filed).toHaveLength(1);
    expect(filed[0]?.clip).toMatchObject({ clipId: entry.clipId, draftId: 'draft-0001', kind: 'article' });
    // A page already in the draft is asked about, as with the extension's clips.
    expect(filed[0]?.ifSourceExists).toBe('ask');
    expect(await store.list()).toEqual([]);
  });

  it('queued by the outbox (offline draft) the share leaves the share store: the outbox keeps it', async () => {
    const factory = new IDBFactory();
    const { deps, state, filed } = world(factory);
    state.filingOutcome = { filed: true, outcome: { delivered: false, problem: 'offline' } };
    const entry = await keptShare(factory, { text: 'Teks' });
    const store = await openShareStore(factory);
    await chooseDestination(store, entry.shareId, { kind: 'draft', draftId: 'draft-0001', draftTitle: 'LKPD' });
    expect(await sendShare(entry.shareId, await deps())).toEqual({ state: 'waiting', problem: { kind: 'offline' } });
    expect(await store.list()).toEqual([]);
    // Text without a link has the app as its source: never held as "the same page" as another such clip.
    expect(filed[0]?.ifSourceExists).toBe('new-source');
  });

  it('a page the server refuses waits for the person, is not retried, and can be kept as a link card', async () => {
    const factory = new IDBFactory();
    const { deps, state, inboxPuts, fetched } = world(factory);
    state.fromUrl = { ok: false, refused: 'not-public' };
    const entry = await keptShare(factory, { title: 'Intranet sekolah', url: 'http://10.0.0.5/rapor' });
    const store = await openShareStore(factory);
    await chooseDestination(store, entry.shareId, { kind: 'inbox' });

    expect(await sendShare(entry.shareId, await deps())).toEqual({
      state: 'stopped',
      problem: { kind: 'refused', reason: 'not-public' },
    });
    expect(await sendWaiting(await deps())).toBe(0);
    expect(fetched).toHaveLength(1);

    await chooseDestination(store, entry.shareId, { kind: 'inbox' }, true);
    expect(await sendShare(entry.shareId, await deps())).toEqual({ state: 'sent' });
    expect(fetched).toHaveLength(1);
    expect(inboxPuts[0]).toMatchObject({ clipId: entry.clipId, kind: 'bookmark' });
    expect(inboxPuts[0]?.content[0]?.content?.[0]).toMatchObject({
      text: 'Intranet sekolah',
      marks: [{ type: 'link', attrs: { href: 'http://10.0.0.5/rapor' } }],
    });
  });

  it('a shared picture becomes an image clip with its caption; an unreadable one waits for the person', async () => {
    const factory = new IDBFactory();
    const { deps, inboxPuts } = world(factory);
    const picture = { name: 'papan-tulis.png', type: 'image/png', size: 8, blob: null };
    const tooLarge = await keptShare(factory, { files: [picture] });
    const store = await openShareStore(factory);
    await chooseDestination(store, tooLarge.shareId, { kind: 'inbox' });
    expect(await sendShare(tooLarge.shareId, await deps())).toEqual({
      state: 'stopped',
      problem: { kind: 'picture', reason: 'too-large' },
    });
    expect(inboxPuts).toEqual([]);

    const blob = new Blob([new Uint8Array(8)], { type: 'image/png' });
    const kept = await keptShare(factory, { text: 'Hasil kerja kelompok 2', files: [{ ...picture, blob }] });
    await chooseDestination(store, kept.shareId, { kind: 'inbox' });
    expect(await sendShare(kept.shareId, await deps())).toEqual({ state: 'sent' });
    expect(inboxPuts[0]).toMatchObject({ clipId: kept.clipId, kind: 'image' });
    expect(inboxPuts[0]?.content).toEqual([
      { type: 'image', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'papan-tulis', title: 'papan-tulis' } },
      { type: 'paragraph', content: [{ type: 'text', text: 'Hasil kerja kelompok 2' }] },
    ]);
  });
});
