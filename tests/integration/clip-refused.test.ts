/**
 * The extension's background delivering a clip for someone who may not edit the draft (a commenter):
 * the real server refuses it, the delivery says so at once ("forbidden", not "waiting"), nothing
 * reaches the draft, the clip stays in the outbox, and the refused local copy is dropped so that
 * later retries do not keep sending it.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { createDelivery } from '../../extension/outbox/delivery';
import { newOutboxEntry, openOutbox } from '../../extension/outbox/outbox';
import { openDraftConnection } from '../../extension/sync/draft-connection';
import { ClipSchema } from '../../shared/model/clip';
import { clipIdsInDraft } from '../../shared/model/draft-doc';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
beforeAll(async () => {
  // Node 20 has no global WebSocket; the provider picks up whatever is global when it is created.
  (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
  server = await startTestServer();
});
afterAll(async () => {
  delete (globalThis as { WebSocket?: unknown }).WebSocket;
  await server?.dispose();
});

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '');
}

describe('a clip into a draft the user may only comment on', () => {
  it('is refused at once, kept in the outbox with the reason, and not re-sent from a local copy', async () => {
    const owner = await server.addUser('Bu Sari');
    const mentor = await server.addUser('Pak Budi');
    const draft = await server.createDraft(owner.token, 'Bahan bacaan');
    await server.shareDraft(owner.token, draft.id, mentor.token, 'commenter');

    const outbox = await openOutbox(indexedDB, 'refused-clip-outbox');
    const delivery = createDelivery({
      outbox: async () => outbox,
      openConnection: openDraftConnection,
      timing: { confirmWaitMs: 20_000, probeEveryMs: 200, idleCloseMs: 60_000 },
    });
    const clip = ClipSchema.parse({
      clipId: crypto.randomUUID(),
      draftId: draft.id,
      kind: 'selection',
      source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: new Date().toISOString() },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Klorofil menyerap cahaya.' }] }],
    });
    const entry = newOutboxEntry(`${server.url()}/`, clip, new Date());
    await outbox.put(entry);

    const started = Date.now();
    expect(await delivery.deliver(entry, mentor.token)).toEqual({ delivered: false, problem: 'forbidden' });
    // Told by the server, not by giving up after the confirmation wait.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await outbox.count()).toBe(1);

    const stored = new Y.Doc();
    const log = await server.storedDocument(draft.id);
    for (const { update } of log?.updates ?? []) Y.applyUpdate(stored, update);
    expect(clipIdsInDraft(stored).has(clip.clipId)).toBe(false);

    const localCopies = (await databaseNames()).filter((name) => name.includes(draft.id));
    expect(localCopies.length).toBeGreaterThan(0);
    delivery.closeAll();
    await waitFor(
      async () => (await databaseNames()).every((name) => !name.includes(draft.id)),
      'the refused local copy to be deleted',
    );
  });
});
