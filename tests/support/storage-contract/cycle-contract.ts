/** Contract: the mentoring cycle's storage (media kind, stored summaries, workspace templates) behaves the same in every Storage. */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/storage';
import type { ContractContext } from './storage-contract';

/** A clock that moves one second on every reading, from a fixed start. */
function tickingClock(start = '2026-11-23T08:00:00.000Z'): () => string {
  let clock = Date.parse(start);
  return () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
}

async function withTeacher(storage: Storage): Promise<void> {
  await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
}

const summary = (stage: string, openFeedback: number) => JSON.stringify({ stage, openFeedback });

export function describeCycleContract({ name, openFixture, openStorage }: ContractContext): void {
  describe(`media kinds and summaries of drafts in ${name}`, () => {
    it('a draft keeps the media kind of its template; one made without says blank', async () => {
      const storage = await openStorage();
      await withTeacher(storage);
      const lkpd = await storage.drafts.createDraft({
        id: 'draft-lkpd',
        title: 'LKPD pecahan',
        ownerId: 'user-sari',
        mediaKind: 'lkpd',
      });
      expect(lkpd).toMatchObject({ mediaKind: 'lkpd', role: 'owner' });
      await storage.drafts.createDraft({ id: 'draft-blank', title: 'Kosong', ownerId: 'user-sari' });
      expect((await storage.drafts.getDraft('draft-lkpd'))?.mediaKind).toBe('lkpd');
      expect((await storage.drafts.getDraftForMember('draft-blank', 'user-sari'))?.mediaKind).toBe('blank');
      const listed = await storage.drafts.listDraftsForMember('user-sari');
      expect(Object.fromEntries(listed.map((draft) => [draft.id, draft.mediaKind]))).toEqual({
        'draft-lkpd': 'lkpd',
        'draft-blank': 'blank',
      });
    });

    it('the list carries each draft’s stored summary; a newer one replaces it, an older one never does', async () => {
      const fixture = await openFixture();
      const { storage } = fixture;
      await withTeacher(storage);
      const first = summary('needs-analysis', 0);
      await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari', summaryJson: first });
      await storage.drafts.createDraft({ id: 'draft-0002', title: 'Lama', ownerId: 'user-sari' });
      const summaries = async (on: Storage = storage) =>
        Object.fromEntries((await on.drafts.listDraftsForMember('user-sari')).map((d) => [d.id, d.summaryJson]));
      expect(await summaries()).toEqual({ 'draft-0001': first, 'draft-0002': null });

      const tryOut = summary('try-out', 2);
      expect(await storage.drafts.putSummary('draft-0001', tryOut, 7)).toBe(true);
      // A write computed at an earlier update (a slow request, another server process) loses.
      expect(await storage.drafts.putSummary('draft-0001', summary('design', 1), 6)).toBe(false);
      expect((await summaries())['draft-0001']).toBe(tryOut);
      // The same update again (say, a second process that applied it too) is fine.
      const again = summary('try-out', 3);
      expect(await storage.drafts.putSummary('draft-0001', again, 7)).toBe(true);
      expect(await storage.drafts.putSummary('draft-0002', summary('design', 0), 0)).toBe(true);
      expect(await storage.drafts.putSummary('draft-missing', first, 1)).toBe(false);

      // Stored, not cached: a second connection (another process, a restart) sees the same.
      const other = await fixture.openAgain();
      expect(await summaries(other)).toEqual({ 'draft-0001': again, 'draft-0002': summary('design', 0) });
      // Only the list carries it; a single draft stays as it was.
      expect(await storage.drafts.getDraft('draft-0001')).not.toHaveProperty('summaryJson');
    });

    it('summary writes racing each other leave the one of the latest update', async () => {
      const storage = await openStorage();
      await withTeacher(storage);
      await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
      await Promise.all(
        [12, 10, 11, 9].map((seq) => storage.drafts.putSummary('draft-0001', summary('design', seq), seq)),
      );
      const [listed] = await storage.drafts.listDraftsForMember('user-sari');
      expect(listed?.summaryJson).toBe(summary('design', 12));
    });

    it('activity in the feedback document counts as the draft’s last activity, as content edits do', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withTeacher(storage);
      await storage.drafts.createDraft({ id: 'draft-older', title: 'Fotosintesis', ownerId: 'user-sari' });
      await storage.drafts.createDraft({ id: 'draft-newer', title: 'Pecahan', ownerId: 'user-sari' });
      const ids = async () => (await storage.drafts.listDraftsForMember('user-sari')).map((draft) => draft.id);
      expect(await ids()).toEqual(['draft-newer', 'draft-older']);

      await storage.documents.appendUpdate('draft-older.feedback', new Uint8Array([1]));
      expect(await ids()).toEqual(['draft-older', 'draft-newer']);
      const older = await storage.drafts.getDraft('draft-older');
      expect((older?.updatedAt ?? '') > (older?.createdAt ?? '')).toBe(true);
      // And a content edit of the other draft puts that one first again.
      await storage.documents.appendUpdate('draft-newer', new Uint8Array([2]));
      expect(await ids()).toEqual(['draft-newer', 'draft-older']);
    });
  });

  describe(`workspace templates in ${name}`, () => {
    it('a saved template is read back whole, and listed without its content for its workspaces only', async () => {
      // One moment for all: the one saved later still lists first.
      const storage = await openStorage({ now: () => '2026-11-23T08:00:00.000Z' });
      await withTeacher(storage);
      await storage.workspaces.createWorkspace({ id: 'ws-smp4', name: 'SMP 4' });
      await storage.workspaces.createWorkspace({ id: 'ws-sd2', name: 'SD 2' });
      await storage.workspaces.createWorkspace({ id: 'ws-other', name: 'Lain' });
      const content = { id: '{"type":"doc","content":[]}', en: '{"type":"doc","content":[{"type":"paragraph"}]}' };
      const save = (id: string, workspaceId: string, templateName: string) =>
        storage.templates.createTemplate({
          id,
          workspaceId,
          name: templateName,
          mediaKind: 'lkpd',
          content,
          createdBy: 'user-sari',
        });
      const lkpd = await save('ws-aaaa', 'ws-smp4', 'LKPD pecahan kita');
      expect(lkpd).toEqual({
        id: 'ws-aaaa',
        workspaceId: 'ws-smp4',
        name: 'LKPD pecahan kita',
        mediaKind: 'lkpd',
        createdBy: 'user-sari',
        createdAt: '2026-11-23T08:00:00.000Z',
      });
      await save('ws-bbbb', 'ws-sd2', 'Modul SD');
      await save('ws-cccc', 'ws-other', 'Bukan untuk Bu Sari');
      expect(await storage.templates.getTemplate('ws-aaaa')).toEqual({ ...lkpd, content });
      expect(await storage.templates.getTemplate('ws-none')).toBeNull();

      const listed = await storage.templates.listForWorkspaces(['ws-smp4', 'ws-sd2']);
      expect(listed.map((template) => template.id)).toEqual(['ws-bbbb', 'ws-aaaa']);
      expect(listed[1]).toEqual(lkpd);
      expect(await storage.templates.listForWorkspaces([])).toEqual([]);
      expect(await storage.templates.listForWorkspaces(['ws-none'])).toEqual([]);
    });

    it('a template of a workspace that does not exist is not stored', async () => {
      const storage = await openStorage();
      await withTeacher(storage);
      await expect(
        storage.templates.createTemplate({
          id: 'ws-ghost',
          workspaceId: 'ws-missing',
          name: 'Hantu',
          mediaKind: 'blank',
          content: { id: '{}', en: '{}' },
          createdBy: 'user-sari',
        }),
      ).rejects.toThrow();
      expect(await storage.templates.getTemplate('ws-ghost')).toBeNull();
    });
  });
}
