/**
 * Who may move a draft through the mentoring cycle, enforced by the real server on stock y-websocket
 * clients writing stage moves straight into the feedback document: a viewer and a mentor
 * (commenter) are refused and nothing of their move is relayed or stored; the teacher (owner) moves
 * it; a co-teacher (editor) may move it on but not back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import { currentStage, moveStage, readStageMoves } from '../../shared/mentoring/cycle-doc';
import { apiPaths, DraftListResponseSchema } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let owner: CreatedUser;
let editor: CreatedUser;
let mentor: CreatedUser;
let viewer: CreatedUser;
let draftId: string;
let feedbackRoom: string;

const by = (user: CreatedUser) => ({ id: user.id, name: user.name });

async function synced(user: CreatedUser): Promise<SyncClient> {
  const client = connectClient(server.url(), feedbackRoom, user.token);
  await client.whenSynced();
  return client;
}

async function storedFeedback(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await server.storedDocument(feedbackRoom);
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

async function nextRefusal(client: SyncClient) {
  await waitFor(() => client.refusals.length > 0, 'the server to refuse the stage move');
  return client.refusals[0];
}

/**
 * Presence from `from` reaching `to` proves every update `from` sent before was handled: the room
 * handles one connection's messages in order.
 */
async function throughTheRoom(from: SyncClient, to: SyncClient, name: string): Promise<void> {
  from.provider.awareness.setLocalStateField('marker', name);
  await waitFor(
    () => [...to.provider.awareness.getStates().values()].some((state) => state.marker === name),
    `${name} to appear to the other side`,
  );
}

async function listedStage(user: CreatedUser) {
  const response = await fetch(`${server.url()}${apiPaths.drafts}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  const drafts = DraftListResponseSchema.parse(await response.json()).drafts;
  return drafts.find((draft) => draft.id === draftId)?.summary;
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.addUser('Bu Sari');
  editor = await server.addUser('Bu Rina');
  mentor = await server.addUser('Pak Budi');
  viewer = await server.addUser('Bu Ani');
  draftId = (await server.createDraft(owner.token, 'LKPD pecahan', { templateId: 'builtin-lkpd' })).id;
  feedbackRoom = roomName(draftId, 'mentoring');
  await server.shareDraft(owner.token, draftId, editor.token, 'editor');
  await server.shareDraft(owner.token, draftId, mentor.token, 'commenter');
  await server.shareDraft(owner.token, draftId, viewer.token, 'viewer');
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('moving the stage', () => {
  it('a viewer’s and a mentor’s moves are refused, never reach the teacher, and the stored draft is unchanged after a restart', async () => {
    const teacherSide = await synced(owner);
    const viewerSide = await synced(viewer);
    const mentorSide = await synced(mentor);

    moveStage(viewerSide.doc, 'design', by(viewer));
    expect(await nextRefusal(viewerSide)).toEqual({ code: 'read-only', role: 'viewer', room: feedbackRoom });
    moveStage(mentorSide.doc, 'try-out', by(mentor));
    expect(await nextRefusal(mentorSide)).toEqual({
      code: 'feedback-rule',
      reason: 'may-not-move-stage',
      role: 'commenter',
      room: feedbackRoom,
    });
    await throughTheRoom(viewerSide, teacherSide, 'Bu Ani');
    await throughTheRoom(mentorSide, teacherSide, 'Pak Budi');
    expect(readStageMoves(teacherSide.doc)).toEqual([]);
    expect(mentorSide.provider.wsconnected).toBe(true);

    destroyAllClients();
    await server.stop();
    await server.start();
    expect(readStageMoves(await storedFeedback())).toEqual([]);
    const fresh = await synced(owner);
    expect(currentStage(fresh.doc)).toBe('needs-analysis');
    expect(readStageMoves(fresh.doc)).toEqual([]);
    expect(await listedStage(owner)).toMatchObject({ stage: 'needs-analysis', stageChangedAt: null });
  });

  it('the teacher’s move is stored and reaches everyone; a co-teacher moves it on but may not take it back', async () => {
    const teacherSide = await synced(owner);
    const mentorSide = await synced(mentor);
    const move = moveStage(teacherSide.doc, 'try-out', by(owner), 'Siap diuji di kelas 5B');
    await waitFor(() => currentStage(mentorSide.doc) === 'try-out', 'the mentor to see the draft in try-out');
    await waitFor(async () => currentStage(await storedFeedback()) === 'try-out', 'the move to be stored');
    expect(readStageMoves(await storedFeedback())).toEqual([move]);
    expect(move).toMatchObject({
      from: 'needs-analysis',
      to: 'try-out',
      byId: owner.id,
      note: 'Siap diuji di kelas 5B',
    });
    await waitFor(async () => (await listedStage(mentor))?.stage === 'try-out', 'the draft list to show try-out');
    expect(await listedStage(mentor)).toMatchObject({ stageChangedAt: move.at });

    const coTeacher = await synced(editor);
    moveStage(coTeacher.doc, 'design', by(editor));
    expect(await nextRefusal(coTeacher)).toEqual({
      code: 'feedback-rule',
      reason: 'may-not-move-stage',
      role: 'editor',
      room: feedbackRoom,
    });
    await throughTheRoom(coTeacher, teacherSide, 'Bu Rina');
    expect(currentStage(teacherSide.doc)).toBe('try-out');
    expect(readStageMoves(await storedFeedback())).toEqual([move]);
    // Its later changes build on the refused one, so the editor drops its copy and reconnects (as here).
    coTeacher.destroy();

    const again = await synced(editor);
    const forward = moveStage(again.doc, 'reflection', by(editor));
    await waitFor(() => currentStage(teacherSide.doc) === 'reflection', 'the teacher to see the draft in reflection');
    await waitFor(async () => readStageMoves(await storedFeedback()).length === 2, 'the forward move to be stored');
    expect(readStageMoves(await storedFeedback())).toEqual([move, forward]);
    expect(again.refusals).toEqual([]);
  });
});
