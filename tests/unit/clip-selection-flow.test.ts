import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type ClipSelectionDeps, clipSelection } from '../../extension/background/clip-selection';
import { clipOutcomeText } from '../../extension/clip/clip-outcome';
import { clipPreferences } from '../../extension/clip/clip-preferences';
import { targetTabId } from '../../extension/clip/target-tab';
import type { DeliveryOutcome } from '../../extension/outbox/delivery';
import { deliverIntoDrafts } from '../../extension/outbox/draft-delivery';
import type { DraftTarget } from '../../extension/outbox/draft-target';
import { openOutbox } from '../../extension/outbox/outbox';
import { extensionSettingsStore, type KeyValueArea } from '../../extension/settings/app-settings';
import { createTranslator } from '../../shared/i18n';
import type { NodeJson } from '../../shared/model/clip';
import type { ClipInDraft } from '../../shared/model/draft-doc';

function memoryArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return {
    get: async (key) => ({ [key]: items[key] }),
    set: async (patch) => void Object.assign(items, patch),
  };
}

const page = {
  empty: false,
  html: '<p>Tumbuhan <strong>hijau</strong></p>',
  title: 'Fotosintesis',
  url: 'https://example.org/fotosintesis',
  siteName: 'Sumber Belajar',
  author: null,
  publishedAt: null,
  licence: 'https://creativecommons.org/licenses/by-sa/4.0/',
};
const paragraph: NodeJson[] = [{ type: 'paragraph', content: [{ type: 'text', text: 'Tumbuhan hijau' }] }];
let databases = 0;

async function setUp(options: {
  token?: string | null;
  raw?: unknown;
  content?: NodeJson[];
  outcome?: DeliveryOutcome;
  sources?: ClipInDraft[];
}) {
  const area = memoryArea();
  const settings = extensionSettingsStore(area);
  await settings.save({
    serverUrl: 'http://localhost:8787',
    token: options.token === undefined ? 'tok' : options.token,
  });
  const outbox = await openOutbox(indexedDB, `flow-test-${++databases}`);
  const deliveredWhileStored: boolean[] = [];
  // The real delivery steps (source check on delivery, receipt) over a draft that answers as told.
  const delivery = deliverIntoDrafts({
    outbox: async () => outbox,
    openDraft: (_address, onConfirmed): DraftTarget => ({
      usable: true,
      awaitingReceipts: false,
      settled: async () => {},
      clips: () => options.sources ?? [],
      sections: () => [],
      async append(clip) {
        // The clip must already be safe in the outbox when it goes towards the server.
        deliveredWhileStored.push((await outbox.get(clip.clipId)) !== null);
        return { ok: true };
      },
      receipt: {
        async confirmed(clipId) {
          const outcome = options.outcome ?? { delivered: true };
          if (outcome.delivered) await onConfirmed(clipId);
          return outcome.delivered
            ? { confirmed: true }
            : { confirmed: false, problem: 'problem' in outcome ? outcome.problem : 'timeout' };
        },
      },
      destroy() {},
    }),
  });
  const preferences = clipPreferences(area);
  const deps: ClipSelectionDeps = {
    settings,
    preferences,
    readPage: async () => ({ ok: true, raw: options.raw === undefined ? page : options.raw }),
    convertHtml: async () => ({ ok: true, content: options.content ?? paragraph }),
    // Images are stored by ../../extension/background/store-images.ts, tested on its own.
    storeImages: async (content) => ({ content, stored: 0, missing: 0 }),
    outbox: async () => outbox,
    delivery,
  };
  return { deps, outbox, preferences, deliveredWhileStored };
}

const request = { type: 'clip-selection' as const, tabId: 7, draftId: 'draft-0001' };

describe('clipping a selection from a tab', () => {
  it('stores the clip in the outbox first, then delivers it, and remembers the draft', async () => {
    const { deps, outbox, preferences, deliveredWhileStored } = await setUp({});
    const reply = await clipSelection(request, deps);
    expect(reply).toMatchObject({ ok: true, delivery: 'delivered' });
    expect(deliveredWhileStored).toEqual([true]);
    expect(await outbox.count()).toBe(0);
    expect(await preferences.lastDraftId()).toBe('draft-0001');
  });

  it('when delivery fails the clip is queued in the outbox with its source', async () => {
    const { deps, outbox } = await setUp({ outcome: { delivered: false, problem: 'offline' } });
    const reply = await clipSelection(request, deps);
    expect(reply).toMatchObject({ ok: true, delivery: 'queued', problem: 'offline' });
    const [entry] = await outbox.list();
    expect(entry?.serverUrl).toBe('http://localhost:8787/');
    expect(entry?.clip.source).toMatchObject({
      title: 'Fotosintesis',
      url: 'https://example.org/fotosintesis',
      siteName: 'Sumber Belajar',
      licence: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
  });

  it('not signed in, nothing selected, a chrome:// page or hostile data: refused and nothing stored', async () => {
    const cases: { options: Parameters<typeof setUp>[0]; reason: string }[] = [
      { options: { token: null }, reason: 'not-signed-in' },
      { options: { raw: { ...page, empty: true } }, reason: 'nothing-selected' },
      { options: { raw: { ...page, url: 'chrome://settings/' } }, reason: 'page-not-clippable' },
      { options: { raw: { html: 5 } }, reason: 'invalid-page-data' },
      { options: { content: [{ type: 'script', content: [] }] }, reason: 'invalid-content' },
    ];
    for (const { options, reason } of cases) {
      const { deps, outbox, deliveredWhileStored } = await setUp(options);
      expect(await clipSelection(request, deps), reason).toEqual({ ok: false, reason });
      expect(await outbox.count()).toBe(0);
      expect(deliveredWhileStored).toEqual([]);
    }
  });

  it('a page the browser will not script is reported as not clippable', async () => {
    const { deps } = await setUp({});
    deps.readPage = async () => ({ ok: false, reason: 'page-not-clippable' });
    expect(await clipSelection(request, deps)).toEqual({ ok: false, reason: 'page-not-clippable' });
  });
});

describe('the popup around the clip', () => {
  const t = createTranslator('id');

  it('says what happened, in words a teacher understands', () => {
    const clipId = crypto.randomUUID();
    expect(clipOutcomeText({ ok: true, clipId, delivery: 'delivered' }, t)).toBe('Klip terkirim ke draf.');
    expect(clipOutcomeText({ ok: true, clipId, delivery: 'queued', problem: 'offline' }, t)).toMatch(/disimpan/);
    expect(clipOutcomeText({ ok: true, clipId, delivery: 'queued', problem: 'unauthorized' }, t)).toMatch(/token/);
    expect(clipOutcomeText({ ok: false, reason: 'nothing-selected' }, t)).toMatch(/Tidak ada yang dipilih/);
    expect(clipOutcomeText({ ok: false, reason: 'page-not-clippable' }, t)).toMatch(/chrome:\/\//);
  });

  it('clips the tab named in ?tab=, else the active tab of the last focused window', async () => {
    const tabs = { query: async () => [{ id: 42 }] } as unknown as Parameters<typeof targetTabId>[1];
    expect(await targetTabId('?tab=7', tabs)).toBe(7);
    expect(await targetTabId('?tab=abc', tabs)).toBeNull();
    expect(await targetTabId('', tabs)).toBe(42);
  });

  it('a page already in the draft (same address once tracking and www. are dropped) is asked about, not stored', async () => {
    const existing: ClipInDraft = {
      clipId: '0b6f3c2e-5d0a-4a53-9d6e-1f2a3b4c5d6e',
      sourceTitle: 'Fotosintesis (kartu lama)',
      sourceUrl: 'https://www.example.org/fotosintesis/?utm_source=wa#bagian-2',
      capturedAt: '2026-11-20T08:00:00.000Z',
      kind: 'article',
      siteName: null,
      author: null,
      publishedAt: null,
      licence: null,
    };
    const asked = await setUp({ sources: [existing] });
    expect(await clipSelection(request, asked.deps)).toEqual({
      ok: false,
      reason: 'source-exists',
      existing: { title: 'Fotosintesis (kartu lama)', url: existing.sourceUrl },
    });
    expect(await asked.outbox.count()).toBe(0);

    const added = await setUp({ sources: [existing], outcome: { delivered: false, problem: 'offline' } });
    await clipSelection({ ...request, ifSourceExists: 'add-to-existing' }, added.deps);
    const [entry] = await added.outbox.list();
    expect(entry?.clip.addTo).toBe(existing.clipId);

    const separate = await setUp({ sources: [existing], outcome: { delivered: false, problem: 'offline' } });
    await clipSelection({ ...request, ifSourceExists: 'new-source' }, separate.deps);
    const [own] = await separate.outbox.list();
    expect(own?.clip.addTo).toBeUndefined();
    expect(own?.clip.source.url).toBe('https://example.org/fotosintesis');
  });
});
