/**
 * The clip inbox ("Kotak klip") over the real API: a clip sent twice is kept once, listed with when
 * it arrived, removed once (removing again is fine); another account neither sees nor removes it; a
 * full inbox and a clip with a picture by address are refused. The web app (cookie + CSRF) and the
 * extension's token both use it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  apiPaths,
  CreateShareLinkResponseSchema,
  JoinResponseSchema,
} from '../../shared/protocol/api';
import {
  clipInboxPaths,
  INBOX_LIMITS,
  type InboxClip,
  InboxListResponseSchema,
  InboxPutResponseSchema,
} from '../../shared/protocol/clip-inbox-api';
import { pngBytes } from '../fixtures/png';
import { type ApiCaller, bearerCaller, extensionCaller, webCaller } from './support/api-callers';
import { startTestServer, type TestServer } from './support/test-server';

const MAX_ITEMS = 3;

let server: TestServer;
let sari: ApiCaller;
let sariExtension: ApiCaller;
let budi: ApiCaller;

beforeAll(async () => {
  server = await startTestServer({ overrides: { inboxLimits: { maxItems: MAX_ITEMS, maxBytes: 1024 * 1024 } } });
  const teacher = await server.addUser('Bu Sari');
  sari = await webCaller(() => server.url(), teacher);
  sariExtension = await extensionCaller(() => server.url(), teacher);
  budi = bearerCaller(() => server.url(), (await server.addUser('Pak Budi')).token);
});

afterAll(async () => {
  await server?.dispose();
});

function inboxClip(text: string, overrides: Partial<InboxClip> = {}): InboxClip {
  return {
    clipId: randomUUID(),
    kind: 'selection',
    origin: 'phone',
    source: {
      title: 'Mengenal Pecahan Senilai',
      url: 'https://guru.example/artikel/pecahan-senilai',
      siteName: 'Ruang Guru Kita',
      author: null,
      publishedAt: null,
      licence: null,
      language: 'id',
      description: null,
      capturedAt: '2026-12-07T08:00:00.000Z',
    },
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    ...overrides,
  };
}

async function put(caller: ApiCaller, clip: InboxClip) {
  const response = await caller.call('PUT', clipInboxPaths.inboxItem(clip.clipId), clip);
  return { status: response.status, body: (await response.json()) as unknown };
}

async function list(caller: ApiCaller) {
  const response = await caller.call('GET', clipInboxPaths.inbox);
  expect(response.status).toBe(200);
  return InboxListResponseSchema.parse(await response.json()).items;
}

async function remove(caller: ApiCaller, clipId: string): Promise<number> {
  return (await caller.call('DELETE', clipInboxPaths.inboxItem(clipId))).status;
}

describe('the clip inbox', () => {
  it('keeps a clip sent twice once, lists it with when it arrived, and removes it once', async () => {
    const clip = inboxClip('Pecahan senilai adalah pecahan yang nilainya sama.');
    const first = await put(sari, clip);
    expect(first.status).toBe(201);
    const { receivedAt } = InboxPutResponseSchema.parse(first.body);
    // The phone was offline and sends it again: the same answer, nothing doubled.
    const again = await put(sariExtension, clip);
    expect(again.status).toBe(200);
    expect(InboxPutResponseSchema.parse(again.body)).toEqual({ clipId: clip.clipId, receivedAt });

    const items = await list(sari);
    expect(items).toEqual([{ ...clip, receivedAt }]);
    expect(await list(sariExtension)).toEqual(items);

    expect(await remove(sari, clip.clipId)).toBe(204);
    expect(await list(sari)).toEqual([]);
    expect(await remove(sari, clip.clipId)).toBe(204);
  });

  it('is the account’s own: another account neither sees nor removes it', async () => {
    const clip = inboxClip('Hanya untuk Bu Sari.');
    expect((await put(sari, clip)).status).toBe(201);
    expect(await list(budi)).toEqual([]);
    expect(await remove(budi, clip.clipId)).toBe(204);
    expect((await list(sari)).map((item) => item.clipId)).toContain(clip.clipId);
    // The same clipId in another account's inbox is that account's own clip.
    expect((await put(budi, { ...clip, content: inboxClip('Punya Pak Budi.').content })).status).toBe(201);
    expect((await list(sari)).find((item) => item.clipId === clip.clipId)?.content).toEqual(clip.content);
    expect(await remove(sari, clip.clipId)).toBe(204);
    expect(await remove(budi, clip.clipId)).toBe(204);
  });

  it('refuses a different clip under a clipId in use, a full inbox (409), and a picture stored by address (400)', async () => {
    const clip = inboxClip('Yang pertama.');
    expect((await put(sari, clip)).status).toBe(201);
    const conflict = await put(sari, { ...clip, content: inboxClip('Yang lain.').content });
    expect(conflict.status).toBe(409);
    expect(ApiErrorResponseSchema.parse(conflict.body).error.code).toBe('conflict');

    const picture = `data:image/png;base64,${pngBytes(8, 8).toString('base64')}`;
    const withPicture = inboxClip('', {
      kind: 'image',
      content: [{ type: 'image', attrs: { src: picture, alt: 'Kue lapis' } }],
    });
    expect((await put(sari, withPicture)).status).toBe(201);
    const byAddress = inboxClip('', {
      kind: 'image',
      content: [{ type: 'image', attrs: { src: 'https://guru.example/gambar/kue-lapis.png' } }],
    });
    expect((await put(sari, byAddress)).status).toBe(400);
    const notInTheSchema = inboxClip('', { content: [{ type: 'script', content: [] }] });
    expect((await put(sari, notInTheSchema)).status).toBe(400);

    const third = inboxClip('Yang ketiga.');
    expect((await put(sari, third)).status).toBe(201);
    const full = await put(sari, inboxClip('Satu terlalu banyak.'));
    expect(full.status).toBe(409);
    expect(ApiErrorResponseSchema.parse(full.body).error.message).toMatch(/full/);
    // A repeat of one already there is still answered as kept.
    expect((await put(sari, third)).status).toBe(200);
    expect(await list(sari)).toHaveLength(MAX_ITEMS);
  });

  it('takes a clip of up to 8 MB (pictures included): a larger one is 413, and more than the 64 KB of other routes is fine', async () => {
    const large = inboxClip('x'.repeat(200 * 1024));
    expect((await put(budi, large)).status).toBe(201);
    expect(await remove(budi, large.clipId)).toBe(204);
    const tooLarge = await put(budi, inboxClip('x'.repeat(INBOX_LIMITS.maxClipBytes)));
    expect(tooLarge.status).toBe(413);
    expect(ApiErrorResponseSchema.parse(tooLarge.body).error.code).toBe('payload-too-large');
  });

  it('asks for a signed-in account: the web app needs its CSRF token for a change, a guest has no inbox', async () => {
    const clip = inboxClip('Tanpa CSRF.');
    const withoutCsrf = await sari.call('PUT', clipInboxPaths.inboxItem(clip.clipId), clip, { csrf: false });
    expect(withoutCsrf.status).toBe(403);
    const anonymous = await fetch(`${server.url()}${clipInboxPaths.inbox}`);
    expect(anonymous.status).toBe(401);

    const owner = await server.addUser('Bu Rina');
    const draft = await server.createDraft(owner.token, 'Modul pecahan');
    const link = await bearerCaller(() => server.url(), owner.token).call('POST', apiPaths.links(draft.id), {
      role: 'viewer',
    });
    const { secret } = CreateShareLinkResponseSchema.parse(await link.json());
    const joined = await fetch(`${server.url()}${apiPaths.join}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url() },
      body: JSON.stringify({ secret, name: 'Tamu', client: 'extension' }),
    });
    expect(joined.status).toBe(200);
    const { session } = JoinResponseSchema.parse(await joined.json());
    if (!session) throw new Error('the guest got no session');
    const guest = bearerCaller(() => server.url(), session.token);
    expect((await guest.call('GET', clipInboxPaths.inbox)).status).toBe(403);
    expect((await guest.call('POST', clipInboxPaths.fromUrl, { url: 'https://guru.example/' })).status).toBe(403);
  });
});
