/**
 * The clip flow one way: the clip is in the outbox before any draft is opened; whether its page is
 * already a source in the draft is found on delivery, and then the clip is held in the outbox
 * until the user decides (add to that card, a new card, or cancel).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type ClipSelectionDeps, clipSelection } from '../../extension/background/clip-selection';
import { decideSource, discardClip } from '../../extension/background/source-decision';
import { clipPreferences } from '../../extension/clip/clip-preferences';
import { deliverIntoDrafts } from '../../extension/outbox/draft-delivery';
import type { DraftTarget } from '../../extension/outbox/draft-target';
import { newOutboxEntry, type Outbox, OutboxEntrySchema, openOutbox } from '../../extension/outbox/outbox';
import { outboxStateOf, withChangeNotice } from '../../extension/outbox/outbox-state';
import { checkSource } from '../../extension/outbox/source-check';
import { extensionSettingsStore, type KeyValueArea } from '../../extension/settings/app-settings';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import type { ClipInDraft } from '../../shared/model/draft-doc';

function memoryArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return { get: async (key) => ({ [key]: items[key] }), set: async (patch) => void Object.assign(items, patch) };
}

const page = {
  empty: false,
  html: '<p>Tumbuhan hijau</p>',
  title: 'Fotosintesis',
  url: 'https://example.org/fotosintesis',
  siteName: null,
  author: null,
  publishedAt: null,
  licence: null,
};

const cardInDraft: ClipInDraft = {
  clipId: '0b6f3c2e-5d0a-4a53-9d6e-1f2a3b4c5d6e',
  sourceTitle: 'Fotosintesis (kartu lama)',
  sourceUrl: 'https://www.example.org/fotosintesis?utm_source=wa',
  capturedAt: '2026-11-20T08:00:00.000Z',
  kind: 'article',
  siteName: null,
  author: null,
  publishedAt: null,
  licence: null,
};

let databases = 0;

/** The real clip flow over a draft that holds `inDraft` and whose server confirms every clip. */
async function setUp(inDraft: ClipInDraft[]) {
  const area = memoryArea();
  const settings = extensionSettingsStore(area);
  await settings.save({ serverUrl: 'http://localhost:8787', token: 'tok' });
  const outbox = await openOutbox(indexedDB, `source-test-${++databases}`);
  const appended: Clip[] = [];
  const storedWhenSettling: number[] = [];
  const delivery = deliverIntoDrafts({
    outbox: async () => outbox,
    openDraft: (_address, onConfirmed): DraftTarget => {
      return {
        usable: true,
        awaitingReceipts: false,
        async settled() {
          // Waiting for the server is the first step towards the network.
          const [waiting, held] = await Promise.all([outbox.list(), outbox.held()]);
          storedWhenSettling.push(waiting.length + held.length);
        },
        clips: () => inDraft,
        sections: () => [],
        async append(clip) {
          appended.push(clip);
          return { ok: true };
        },
        receipt: {
          async confirmed(clipId) {
            await onConfirmed(clipId);
            return { confirmed: true };
          },
        },
        destroy() {},
      };
    },
  });
  const deps: ClipSelectionDeps = {
    settings,
    preferences: clipPreferences(area),
    readPage: async () => ({ ok: true, raw: page }),
    convertHtml: async () => ({
      ok: true,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tumbuhan hijau' }] }],
    }),
    storeImages: async (content) => ({ content, stored: 0, missing: 0 }),
    outbox: async () => outbox,
    delivery,
  };
  return { deps, outbox, settings, delivery, appended, storedWhenSettling };
}

const request = { type: 'clip-selection' as const, tabId: 7, draftId: 'draft-0001' };

describe('the page is already a source in the draft: found on delivery, the clip waits for the user', () => {
  it('the clip is stored before the draft is opened, then held in the outbox (not waiting to be sent)', async () => {
    const { deps, outbox, appended, storedWhenSettling } = await setUp([cardInDraft]);
    expect(await clipSelection(request, deps)).toMatchObject({ ok: false, reason: 'source-exists' });
    expect(storedWhenSettling).toEqual([1]);
    expect(appended).toEqual([]);
    const [held] = await outbox.held();
    expect(held?.sourceInDraft).toEqual({ title: 'Fotosintesis (kartu lama)', url: cardInDraft.sourceUrl });
    expect(await outboxStateOf(outbox)).toMatchObject({
      pending: 0,
      held: [{ clipId: held?.clipId, draftId: 'draft-0001', sourceInDraft: held?.sourceInDraft }],
    });
  });

  it('"add to the existing source" delivers the held clip inside that card', async () => {
    const { deps, outbox, settings, delivery, appended } = await setUp([cardInDraft]);
    await clipSelection(request, deps);
    const [held] = await outbox.held();
    const reply = await decideSource(
      { type: 'decide-source', clipId: held?.clipId ?? '', decision: 'add-to-existing' },
      { outbox: async () => outbox, delivery, settings },
    );
    expect(reply).toMatchObject({ ok: true, delivery: 'delivered' });
    expect(appended.map((clip) => clip.addTo)).toEqual([cardInDraft.clipId]);
    expect(await outbox.held()).toEqual([]);
    expect(await outbox.count()).toBe(0);
  });

  it('"a new source card" delivers it as a card of its own', async () => {
    const { deps, outbox, settings, delivery, appended } = await setUp([cardInDraft]);
    await clipSelection(request, deps);
    const [held] = await outbox.held();
    await decideSource(
      { type: 'decide-source', clipId: held?.clipId ?? '', decision: 'new-source' },
      { outbox: async () => outbox, delivery, settings },
    );
    expect(appended).toHaveLength(1);
    expect(appended[0]?.addTo).toBeUndefined();
  });

  it('cancelling takes the held clip out of the outbox, undelivered', async () => {
    const { deps, outbox, appended } = await setUp([cardInDraft]);
    await clipSelection(request, deps);
    const [held] = await outbox.held();
    expect(await discardClip(held?.clipId ?? '', async () => outbox)).toEqual({ ok: true });
    expect(await outbox.held()).toEqual([]);
    expect(appended).toEqual([]);
  });
});

describe('the source check itself', () => {
  const clip = ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: { title: 'Fotosintesis', url: 'https://example.org/fotosintesis', capturedAt: new Date().toISOString() },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
  });

  it('a retry of a clip already in the draft is not asked about its own card', () => {
    const itself = { ...cardInDraft, clipId: clip.clipId };
    expect(checkSource({ clip, ifSourceExists: 'ask' }, [itself])).toEqual({ append: clip });
  });

  it('a clip whose card was chosen before keeps that card; a new page goes ahead', () => {
    const decided = { ...clip, addTo: cardInDraft.clipId };
    expect(checkSource({ clip: decided, ifSourceExists: 'ask' }, [cardInDraft])).toEqual({ append: decided });
    expect(checkSource({ clip, ifSourceExists: 'ask' }, [])).toEqual({ append: clip });
  });

  it('entries stored before the check moved to delivery (no choice recorded) go ahead as they are', () => {
    const old = OutboxEntrySchema.parse({
      clipId: clip.clipId,
      serverUrl: 'http://localhost:8787/',
      clip,
      createdAt: new Date().toISOString(),
      attempts: 2,
      lastAttemptAt: null,
      problem: 'offline',
    });
    expect(old).toMatchObject({ ifSourceExists: 'new-source', sourceInDraft: null });
    expect(checkSource(old, [cardInDraft])).toEqual({ append: clip });
  });
});

describe('the outbox tells the pages when it changed', () => {
  it('after every write that went through, and not for reads', async () => {
    let changes = 0;
    const outbox: Outbox = withChangeNotice(await openOutbox(indexedDB, `notice-test-${++databases}`), () => {
      changes++;
    });
    const clip = ClipSchema.parse({
      clipId: crypto.randomUUID(),
      draftId: 'draft-0001',
      kind: 'selection',
      source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: new Date().toISOString() },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
    });
    const entry = newOutboxEntry('http://localhost:8787/', clip, new Date());
    await outbox.put(entry);
    await outbox.update(entry.clipId, (current) => ({ ...current, problem: 'offline' }));
    await outbox.list();
    await outbox.count();
    expect(changes).toBe(2);
    await expect(outbox.put({ ...entry, clipId: 'not-a-uuid' })).rejects.toThrow();
    expect(changes).toBe(2);
    await outbox.delete(entry.clipId);
    expect(changes).toBe(3);
  });
});
