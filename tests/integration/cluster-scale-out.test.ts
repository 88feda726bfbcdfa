/**
 * Several server processes on PostgreSQL + Redis behind HAProxy, all real: clients on different
 * processes converge; a SIGKILLed process's clients move to the other and nothing anyone saw is lost;
 * a Redis restart and a PostgreSQL outage end with every client and the database agreeing; feedback
 * rights hold when teacher and mentor are on different processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import { currentStage, moveStage, readStageMoves } from '../../shared/mentoring/cycle-doc';
import { draftPlainText } from '../../shared/model/draft-doc';
import { DRAFT_CONTENT_FIELD } from '../../shared/model/draft-extensions';
import { apiPaths } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { decodeRoleRaised } from '../../shared/protocol/write-refusal';
import { appendParagraph, sameState, startTestCluster, type TestCluster } from './support/cluster';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { waitFor } from './support/wait-for';

let cluster: TestCluster;
let teacher: CreatedUser;

beforeAll(async () => {
  cluster = await startTestCluster();
  teacher = await cluster.addUser('Bu Sari');
}, 60_000);
afterEach(() => destroyAllClients());
afterAll(async () => {
  destroyAllClients();
  await cluster?.stop();
}, 30_000);

interface Editor {
  client: SyncClient;
  /** Every paragraph this client wrote, as `[name-n]`. */
  written: string[];
}

/** Each client appends a numbered paragraph every `everyMs` until the returned stop is called. */
function editContinuously(editors: Editor[], prefix: string, everyMs = 40): () => void {
  const timers = editors.map((editor, index) =>
    setInterval(() => {
      const text = `[${prefix}${index}-${editor.written.length}]`;
      editor.written.push(text);
      appendParagraph(editor.client.doc, text);
    }, everyMs),
  );
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

/** Waits until every editor has written `count` more paragraphs (editing goes on meanwhile). */
async function wroteMore(editors: Editor[], count: number, what: string): Promise<void> {
  const before = editors.map((editor) => editor.written.length);
  await waitFor(() => editors.every((editor, index) => editor.written.length >= (before[index] ?? 0) + count), what);
}

/** Waits until the next paragraph `from` writes shows in `to`'s document: edits flow live between them. */
async function nextEditReaches(from: Editor, to: Editor, what: string): Promise<void> {
  const next = from.written.length;
  await waitFor(() => {
    const written = from.written[next];
    return written !== undefined && draftPlainText(to.client.doc).includes(written);
  }, what);
}

/** Every client and PostgreSQL hold the same document, and it has every paragraph anyone wrote. */
async function expectConverged(editors: Editor[], room: string, timeoutMs = 20_000): Promise<void> {
  const docs = editors.map((editor) => editor.client.doc);
  let stored: Y.Doc | null = null;
  await waitFor(
    async () => {
      if (!docs.every((doc) => sameState(doc, docs[0] as Y.Doc))) return false;
      stored = await cluster.storedDoc(room);
      return sameState(stored, docs[0] as Y.Doc);
    },
    'every client and the database to hold the same document',
    timeoutMs,
  );
  const text = draftPlainText(stored as unknown as Y.Doc);
  const missing = editors.flatMap((editor) => editor.written).filter((written) => !text.includes(written));
  expect(missing).toEqual([]);
}

async function editorsOn(room: string, urls: string[]): Promise<Editor[]> {
  const editors = urls.map((url) => ({ client: connectClient(url, room, teacher.token), written: [] as string[] }));
  await Promise.all(editors.map((editor) => editor.client.whenSynced()));
  return editors;
}

describe('a cluster of two processes', () => {
  it('clients spread across both processes edit at once and all converge, with PostgreSQL', async () => {
    const room = await cluster.createDraft(teacher.token, 'Fotosintesis');
    const [a, b] = cluster.processUrls as [string, string];
    const editors = await editorsOn(room, [a, a, b, b]);
    const stop = editContinuously(editors, 'x');
    await wroteMore(editors, 20, 'every client to write 20 paragraphs');
    // Delivered live between processes, not only at the end: a client on B already shows A's edits.
    await waitFor(
      () => draftPlainText((editors[2] as Editor).client.doc).includes((editors[0] as Editor).written[5] as string),
      'an edit made on process A to reach a client of process B while editing goes on',
    );
    stop();
    await expectConverged(editors, room);
  });

  it('an offline backlog sent to process A as one message reaches clients of both processes slice by slice, while B edits', async () => {
    const room = await cluster.createDraft(teacher.token, 'Pecahan');
    const [a, b] = cluster.processUrls as [string, string];
    const editors = await editorsOn(room, [a, b, b]);
    // Written offline: ~4 MB of paragraphs and photos (data URLs), sent by the stock client as one step 2.
    const offline = new Y.Doc();
    for (let index = 0; index < 12; index += 1) {
      appendParagraph(offline, `[offline-${index}] ${'murid membaca pecahan '.repeat(2_000)}`);
      const image = new Y.XmlElement('image');
      image.setAttribute('src', `data:image/jpeg;base64,${String.fromCharCode(65 + index).repeat(300_000)}`);
      offline.getXmlFragment(DRAFT_CONTENT_FIELD).insert(0, [image]);
    }
    const stop = editContinuously(editors.slice(1), 'b');
    const writer: Editor = { client: connectClient(a, room, teacher.token, offline), written: [] };
    await writer.client.whenSynced();
    await waitFor(
      () => draftPlainText((editors[2] as Editor).client.doc).includes('[offline-11]'),
      'the backlog to reach a client of process B',
      30_000,
    );
    await wroteMore(editors.slice(1), 5, 'the clients of B to go on writing');
    stop();
    await expectConverged([...editors, writer], room, 30_000);
  });

  it('SIGKILL one process under continuous edits: its clients reconnect through HAProxy and nothing seen is lost', async () => {
    const room = await cluster.createDraft(teacher.token, 'Gaya dan gerak');
    const editors = await editorsOn(room, Array(4).fill(cluster.haproxy.url));
    const dropped = new Set<number>();
    for (const [index, editor] of editors.entries()) {
      editor.client.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') dropped.add(index);
      });
    }
    const stop = editContinuously(editors, 'k');
    await nextEditReaches(editors[0] as Editor, editors[3] as Editor, 'edits to flow between the clients');
    cluster.process(0).kill('SIGKILL');
    await cluster.process(0).exited;
    // The killed process's clients notice, come back through HAProxy and go on editing.
    await waitFor(
      () => dropped.size > 0 && editors.every(({ client }) => client.provider.wsconnected && client.provider.synced),
      'the killed process’s clients to reconnect through HAProxy',
    );
    await wroteMore(editors, 10, 'every client to write 10 more paragraphs after reconnecting');
    stop();
    // Round robin put some clients on the killed process: they lost it, and came back through HAProxy.
    expect(dropped.size).toBeGreaterThan(0);
    await expectConverged(editors, room);
    await cluster.restartProcess(0);
  });

  it('Redis restarting mid-run: the processes catch up from PostgreSQL and agree again', async () => {
    const room = await cluster.createDraft(teacher.token, 'Pecahan');
    const [a, b] = cluster.processUrls as [string, string];
    const editors = await editorsOn(room, [a, a, b, b]);
    const stop = editContinuously(editors, 'r');
    await nextEditReaches(editors[0] as Editor, editors[3] as Editor, 'edits to flow from A to B');
    await cluster.redis.restart(700);
    await wroteMore(editors, 10, 'every client to write 10 more paragraphs after Redis is back');
    stop();
    await expectConverged(editors, room);
    // Fan-out is live again: a new edit on A reaches B without any further help.
    const onA = editors[0] as Editor;
    onA.written.push('[after-redis]');
    appendParagraph(onA.client.doc, '[after-redis]');
    await waitFor(
      () => draftPlainText((editors[3] as Editor).client.doc).includes('[after-redis]'),
      'an edit on A to reach B after Redis came back',
    );
  });

  it('PostgreSQL stopped for a while: nothing written meanwhile is acknowledged, and nothing is lost once it is back', async () => {
    const room = await cluster.createDraft(teacher.token, 'Ekosistem');
    const [a, b] = cluster.processUrls as [string, string];
    const editors = await editorsOn(room, [a, a, b, b]);
    // A second room open on both processes, loaded before the outage: its presence still flows while
    // the first room waits for PostgreSQL, so a round trip through it marks "the processes and Redis
    // have handled what they had received".
    const probeRoom = await cluster.createDraft(teacher.token, 'Probe');
    const [probeA, probeB] = await editorsOn(probeRoom, [a, b]);
    const roundTrip = async (name: string) => {
      for (const [from, to] of [
        [probeA, probeB],
        [probeB, probeA],
      ] as [Editor, Editor][]) {
        from.client.provider.awareness.setLocalStateField('marker', name);
        await waitFor(
          () => [...to.client.provider.awareness.getStates().values()].some((state) => state.marker === name),
          `a presence round trip through both processes (${name})`,
        );
      }
    };
    const stop = editContinuously(editors, 'p');
    await nextEditReaches(editors[0] as Editor, editors[3] as Editor, 'edits to flow from A to B');
    cluster.postgres.pause();
    try {
      const writtenBefore = editors.map((editor) => editor.written.length);
      // The outage lasts while every client writes 10 paragraphs, and until both processes have
      // handled what came before a presence round trip: an edit passed on would have arrived by then.
      await wroteMore(editors, 10, 'every client to write 10 paragraphs during the outage');
      await roundTrip('during the outage');
      // Refused, not acknowledged: no client shows another client's edit from the outage.
      for (const [index, editor] of editors.entries()) {
        const text = draftPlainText(editor.client.doc);
        const othersDuringOutage = editors
          .filter((_, other) => other !== index)
          .flatMap((other) => other.written.slice(writtenBefore[editors.indexOf(other)]));
        expect(othersDuringOutage.filter((written) => text.includes(written))).toEqual([]);
      }
    } finally {
      cluster.postgres.resume();
    }
    await nextEditReaches(editors[0] as Editor, editors[3] as Editor, 'edits to flow again once PostgreSQL is back');
    stop();
    await expectConverged(editors, room, 30_000);
  });
});

describe('feedback rights across processes', () => {
  it('a mentor’s stage move on process B is refused and never reaches the teacher on process A', async () => {
    const mentor = await cluster.addUser('Pak Budi');
    const draftId = await cluster.createDraft(teacher.token, 'LKPD pecahan');
    await cluster.shareDraft(teacher.token, draftId, mentor.token, 'commenter');
    const room = roomName(draftId, 'mentoring');
    const [a, b] = cluster.processUrls as [string, string];
    const teacherSide = connectClient(a, room, teacher.token);
    const mentorSide = connectClient(b, room, mentor.token);
    await Promise.all([teacherSide.whenSynced(), mentorSide.whenSynced()]);

    moveStage(mentorSide.doc, 'try-out', { id: mentor.id, name: mentor.name });
    await waitFor(() => mentorSide.refusals.length > 0, 'process B to refuse the mentor’s move');
    expect(mentorSide.refusals[0]).toMatchObject({ code: 'feedback-rule', reason: 'may-not-move-stage' });
    // The mentor's presence crosses to A after the refused move would have: the move never does.
    mentorSide.provider.awareness.setLocalStateField('user', { name: 'Pak Budi' });
    await waitFor(
      () => [...teacherSide.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Pak Budi'),
      'the mentor’s presence to reach the teacher on the other process',
    );
    expect(readStageMoves(teacherSide.doc)).toEqual([]);

    // The teacher's own move on A is stored and reaches the mentor on B.
    moveStage(teacherSide.doc, 'try-out', { id: teacher.id, name: teacher.name });
    // (The mentor's own refused move is still in her local copy, so her stage alone proves nothing.)
    await waitFor(
      () => readStageMoves(mentorSide.doc).some((move) => move.byId === teacher.id),
      'the teacher’s move to reach the mentor on B',
    );
    expect(currentStage(mentorSide.doc)).toBe('try-out');
    expect(readStageMoves(await cluster.storedDoc(room)).map((move) => move.byId)).toEqual([teacher.id]);

    // The teacher makes the mentor a co-teacher on process A: the mentor's open connection on B is told at once.
    const content = connectClient(b, roomName(draftId, 'content'), mentor.token);
    await content.whenSynced();
    const notices: string[] = [];
    content.provider.messageHandlers[2] = (_encoder: unknown, decoder: decoding.Decoder) => {
      authProtocol.readAuthMessage(decoder, content.doc, (_doc, reason) => notices.push(reason));
    };
    const raised = await fetch(`${a}${apiPaths.member(draftId, mentor.id)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${teacher.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(raised.status).toBe(200);
    await waitFor(
      () => notices.some((reason) => decodeRoleRaised(reason)?.role === 'editor'),
      'the mentor’s connection on B to hear that the role was raised on A',
    );
  });
});

describe('starting a cluster process', () => {
  it('an unreachable Redis stops it at start with a message naming the host, not the password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-it-redis-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          DAMPINGI_PORT: '0',
          DAMPINGI_DATA_DIR: dataDir,
          DAMPINGI_DATABASE_URL: cluster.postgres.url,
          DAMPINGI_REDIS_URL: 'redis://:sandi-redis@127.0.0.1:1',
          DAMPINGI_TOKEN_SECRET: 'a-cluster-test-secret-that-is-at-least-32-characters',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
      expect(code).toBe(1);
      expect(output).toContain('Dampingi could not start: Redis at 127.0.0.1:1');
      expect(output).not.toContain('sandi-redis');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
