/**
 * Teachers keep typing while the server process dies: after SIGKILL every edit any client had
 * received from the server is in storage; SIGTERM exits cleanly; after a restart everyone converges.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addUser } from '../../server/cli/user-commands';
import { openSqliteStorage } from '../../server/storage/sqlite/sqlite-storage';
import { apiPaths, DraftInfoSchema } from '../../shared/protocol/api';
import { freePort, type ServerProcess, startServerProcess } from './support/server-process';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { waitFor } from './support/wait-for';

const WRITERS = 3;
const OBSERVERS = 2;
const EDIT_EVERY_MS = 5;
/** Edits the clients must have received back through the server before it dies (not a time: CI is slow). */
const EDITS_BEFORE_DYING = 100;

let dataDir: string;
let port: number;
let token: string;
let room: string;
let server: ServerProcess | null = null;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dampingi-crash-'));
  mkdirSync(join(dataDir, 'web'));
  const created = await addUser({ dataDir }, 'Bu Sari');
  if (!created.ok) throw new Error(created.message);
  token = created.user.token;
  port = await freePort();
  server = await startServerProcess({ dataDir, port });
  const response = await fetch(`${server.url}${apiPaths.drafts}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Fotosintesis' }),
  });
  room = DraftInfoSchema.parse(await response.json()).id;
});

afterEach(async () => {
  destroyAllClients();
  if (server) {
    server.kill('SIGKILL');
    await server.exited;
    server = null;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Editing {
  clients: SyncClient[];
  /** Every update any client received from the server (origin: its provider). */
  received: Uint8Array[];
  stop(): void;
}

async function startEditing(url: string): Promise<Editing> {
  const clients = Array.from({ length: WRITERS + OBSERVERS }, () => connectClient(url, room, token));
  const received: Uint8Array[] = [];
  for (const client of clients) {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === client.provider) received.push(update);
    });
  }
  await Promise.all(clients.map((client) => client.whenSynced()));
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    clients.slice(0, WRITERS).forEach((writer, index) => {
      const text = writer.doc.getText('t');
      if (tick % 7 === 0 && text.length > 10) text.delete(tick % 5, 3);
      else text.insert(text.length, `g${index}-${tick} `);
    });
  }, EDIT_EVERY_MS);
  return { clients, received, stop: () => clearInterval(timer) };
}

/** Waits until the typing is well under way: the clients have received many edits through the server. */
function typedThroughTheServer(editing: Editing): Promise<void> {
  return waitFor(
    () => editing.received.length > EDITS_BEFORE_DYING,
    `clients to receive ${EDITS_BEFORE_DYING} edits through the server`,
    30_000,
  );
}

async function storedDoc(): Promise<Y.Doc> {
  const storage = openSqliteStorage({ dataDir, synchronous: 'FULL' });
  try {
    const stored = await storage.documents.loadDocument(room);
    const doc = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await storage.close();
  }
}

/** Applying everything the clients received to the stored document changes nothing: it was all there. */
function expectStoredContainsAll(stored: Y.Doc, received: Uint8Array[]): void {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(stored));
  Y.applyUpdate(probe, Y.mergeUpdates(received));
  expect(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(probe)))).toEqual(
    Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(stored))),
  );
  expect(Y.equalSnapshots(Y.snapshot(probe), Y.snapshot(stored))).toBe(true);
  expect(probe.getText('t').toString()).toBe(stored.getText('t').toString());
}

/** After a restart on the same port every provider reconnects; all of them and the server end up equal. */
async function expectConvergenceAfterRestart(editing: Editing): Promise<void> {
  server = await startServerProcess({ dataDir, port });
  const fresh = connectClient(server.url, room, token);
  const everyone = [...editing.clients, fresh];
  await waitFor(
    () =>
      everyone.every(
        (client) => client.provider.synced && client.doc.getText('t').toString() === fresh.doc.getText('t').toString(),
      ),
    'every client and the restarted server to agree',
    20_000,
  );
  for (const writer of editing.clients.slice(0, WRITERS)) {
    expect(Y.equalSnapshots(Y.snapshot(writer.doc), Y.snapshot(fresh.doc))).toBe(true);
  }
}

describe('the server process dies while teachers type', () => {
  it('after SIGKILL, every edit any client had received from the server is in storage, and a restart loses nothing', async () => {
    const editing = await startEditing(server!.url);
    await typedThroughTheServer(editing);
    server!.kill('SIGKILL');
    const exit = await server!.exited;
    editing.stop();
    expect(exit.signal).toBe('SIGKILL');
    server = null;

    expect(editing.received.length).toBeGreaterThan(EDITS_BEFORE_DYING);
    const stored = await storedDoc();
    expectStoredContainsAll(stored, editing.received);
    console.info(
      `crash: ${editing.received.length} updates received by clients, stored text ${stored.getText('t').length} chars`,
    );

    await expectConvergenceAfterRestart(editing);
  }, 60_000);

  it('on SIGTERM the server closes connections, stores everything it received and exits 0', async () => {
    const editing = await startEditing(server!.url);
    await typedThroughTheServer(editing);
    server!.kill('SIGTERM');
    const exit = await server!.exited;
    editing.stop();
    expect(exit.code, server!.stderr()).toBe(0);
    server = null;

    expectStoredContainsAll(await storedDoc(), editing.received);
    await expectConvergenceAfterRestart(editing);
  }, 60_000);
});
