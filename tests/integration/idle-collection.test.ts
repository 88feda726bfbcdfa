/** After the last teacher leaves and her draft is unloaded, the server returns its garbage once (server/idle-collection.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let collections = 0;

beforeEach(async () => {
  collections = 0;
  server = await startTestServer({
    collectWhenIdle: {
      collect: () => {
        collections += 1;
      },
      quietMs: 20,
    },
  });
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

describe('memory is returned when the server goes quiet', () => {
  it('no collection while a draft is open; one after the last editor left and it was unloaded', async () => {
    const { token } = await server.addUser('Bu Sari');
    const { id: room } = await server.createDraft(token, 'Fotosintesis');
    const teacher = connectClient(server.url(), room, token);
    await teacher.whenSynced();
    teacher.doc.getText('t').insert(0, 'Tumbuhan membuat makanan sendiri.');
    const mentor = connectClient(server.url(), room, token);
    await waitFor(() => mentor.doc.getText('t').length > 0, 'the mentor to see the edit');
    expect(collections).toBe(0);

    teacher.destroy();
    mentor.destroy();
    await waitFor(() => collections === 1, 'a collection after the draft was unloaded');
    const again = connectClient(server.url(), room, token);
    await waitFor(() => again.doc.getText('t').length > 0, 'the draft to open again');
    expect(collections).toBe(1);
  });
});
