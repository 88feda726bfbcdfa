import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newOutboxEntry, openOutbox } from '../../extension/outbox/outbox';
import { type Clip, ClipSchema } from '../../shared/model/clip';

let databases = 0;
const freshOutbox = () => openOutbox(indexedDB, `outbox-test-${++databases}`);

function makeClip(text = 'Tumbuhan hijau'): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: new Date().toISOString() },
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
}

describe('the outbox keeps clips until they are delivered', () => {
  it('a stored clip can be listed, read back and deleted', async () => {
    const outbox = await freshOutbox();
    const clip = makeClip();
    await outbox.put(newOutboxEntry('http://localhost:8787/', clip, new Date('2026-01-01T00:00:00Z')));
    expect(await outbox.count()).toBe(1);
    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ clipId: clip.clipId, attempts: 0, problem: null, clip });
    expect(await outbox.get(clip.clipId)).toEqual(entry);
    await outbox.delete(clip.clipId);
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.get(clip.clipId)).toBeNull();
  });

  it('putting the same clip twice keeps one entry (keyed by clipId)', async () => {
    const outbox = await freshOutbox();
    const entry = newOutboxEntry('http://localhost:8787/', makeClip(), new Date());
    await outbox.put(entry);
    await outbox.put(entry);
    expect(await outbox.count()).toBe(1);
  });

  it('clips are listed oldest first', async () => {
    const outbox = await freshOutbox();
    const late = newOutboxEntry('http://localhost:8787/', makeClip('kedua'), new Date('2026-01-02T00:00:00Z'));
    const early = newOutboxEntry('http://localhost:8787/', makeClip('pertama'), new Date('2026-01-01T00:00:00Z'));
    await outbox.put(late);
    await outbox.put(early);
    expect((await outbox.list()).map((entry) => entry.clipId)).toEqual([early.clipId, late.clipId]);
  });

  it('recording a failed attempt never brings back a clip that was confirmed meanwhile', async () => {
    const outbox = await freshOutbox();
    const entry = newOutboxEntry('http://localhost:8787/', makeClip(), new Date());
    await outbox.put(entry);
    await outbox.update(entry.clipId, (current) => ({
      ...current,
      attempts: current.attempts + 1,
      problem: 'offline',
    }));
    expect(await outbox.get(entry.clipId)).toMatchObject({ attempts: 1, problem: 'offline' });
    await outbox.delete(entry.clipId);
    await outbox.update(entry.clipId, (current) => ({ ...current, attempts: 99 }));
    expect(await outbox.count()).toBe(0);
  });

  it('survives being reopened (a stopped service worker loses nothing)', async () => {
    const name = `outbox-test-reopen-${++databases}`;
    const first = await openOutbox(indexedDB, name);
    const entry = newOutboxEntry('http://localhost:8787/', makeClip(), new Date());
    await first.put(entry);
    first.close();
    const second = await openOutbox(indexedDB, name);
    expect(await second.get(entry.clipId)).toEqual(entry);
  });

  it('an invalid entry is refused on write', async () => {
    const outbox = await freshOutbox();
    const entry = newOutboxEntry('http://localhost:8787/', makeClip(), new Date());
    await expect(outbox.put({ ...entry, clipId: 'not-a-uuid' })).rejects.toThrow();
  });
});
