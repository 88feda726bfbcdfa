// @vitest-environment jsdom
/**
 * The follow-up plan on a real feedback document: an action (what, who, by when) linked to the
 * improvements it answers, overdue actions marked "Terlambat", closing and removing, the item a
 * "Buat tindakan" link preselects, and the plan read-only for the mentor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction, localDay, readActions } from '../../shared/mentoring/cycle-doc';
import { threadRef } from '../../shared/mentoring/cycle-schema';
import { addThread } from '../../shared/mentoring/threads';
import {
  anchorOn,
  articleNamed,
  BUDI,
  button,
  click,
  confirm,
  container,
  field,
  regionNamed,
  remotely,
  renderCycle,
  SARI,
  typeInto,
  unmount,
} from './editor-cycle-support';

afterEach(unmount);
beforeEach(() => {
  confirm.answer = true;
  confirm.asked = [];
});

function improvements(doc: import('yjs').Doc) {
  const at = (minute: number) => new Date(`2026-11-23T08:0${minute}:00Z`);
  return {
    first: addThread(
      doc,
      { kind: 'improvement', anchor: anchorOn('siswa memahami'), body: 'Tujuan terlalu umum.' },
      BUDI,
      at(1),
    ),
    second: addThread(
      doc,
      { kind: 'improvement', anchor: anchorOn('Langkah 3'), body: 'Waktu terlalu singkat.' },
      BUDI,
      at(2),
    ),
    strength: addThread(doc, { kind: 'strength', anchor: anchorOn('daun'), body: 'Kegiatan nyata.' }, BUDI, at(3)),
  };
}

const plan = () => regionNamed('Rencana tindak lanjut') as HTMLElement;
const form = () => container.querySelector('form.plan-new') as HTMLFormElement;
const checkbox = (ref: string) => form().querySelector(`input[type="checkbox"][value="${ref}"]`) as HTMLInputElement;

describe('the follow-up plan', () => {
  it('the teacher adds an action linked to two improvements; it shows what, who, when and what it answers', async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'plan' });
    let ids = {} as ReturnType<typeof improvements>;
    await remotely(() => {
      ids = improvements(doc);
    });
    const boxes = [...form().querySelectorAll('fieldset label')].map((label) => label.textContent?.trim());
    expect(boxes).toEqual([
      'Perbaikan dari Pak Budi: “Tujuan terlalu umum.”',
      'Perbaikan dari Pak Budi: “Waktu terlalu singkat.”',
      'Kekuatan dari Pak Budi: “Kegiatan nyata.”',
    ]);
    expect(field<HTMLInputElement>('Penanggung jawab', form()).value).toBe('Bu Sari');
    await typeInto(field<HTMLInputElement>('Tindakan', form()), 'Tulis ulang tujuan dan atur waktu langkah 3');
    await typeInto(field<HTMLInputElement>('Batas waktu (boleh kosong)', form()), '2030-01-15');
    await click(checkbox(threadRef(ids.first)));
    await click(checkbox(threadRef(ids.second)));
    await click(button('Tambah tindakan', form()));

    const [action] = readActions(doc);
    expect(action).toMatchObject({
      what: 'Tulis ulang tujuan dan atur waktu langkah 3',
      who: 'Bu Sari',
      due: '2030-01-15',
      status: 'open',
      links: [threadRef(ids.first), threadRef(ids.second)],
      createdById: 'u-sari',
    });
    const card = articleNamed('Tulis ulang tujuan dan atur waktu langkah 3') as HTMLElement;
    expect(card.textContent).toContain('Penanggung jawab: Bu Sari');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe('2030-01-15');
    expect([...card.querySelectorAll('.plan-action-links li')].map((li) => li.textContent)).toEqual([
      'Perbaikan dari Pak Budi: “Tujuan terlalu umum.”',
      'Perbaikan dari Pak Budi: “Waktu terlalu singkat.”',
    ]);
    expect(card.querySelector('.plan-overdue')).toBeNull();
    expect(plan().textContent).toContain('1 terbuka · 0 terlambat · 0 selesai');
    // The form is ready for the next action.
    expect(field<HTMLInputElement>('Tindakan', form()).value).toBe('');
    expect(checkbox(threadRef(ids.first)).checked).toBe(false);
    expect(form().textContent).toContain('Tindakan ditambahkan.');
  });

  it('an open action past its day is marked "Terlambat"; marking it done clears the mark', async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'plan' });
    await remotely(() => {
      addAction(doc, { what: 'Uji coba ulang di 7C', who: 'Bu Sari', due: '2020-01-02', links: [] }, SARI);
      addAction(doc, { what: 'Tanpa tanggal', who: '', due: null, links: [] }, SARI);
    });
    const late = articleNamed('Uji coba ulang di 7C') as HTMLElement;
    expect(late.dataset.overdue).toBe('true');
    expect(late.querySelector('.plan-overdue')?.textContent).toBe('⚠ Terlambat (batas waktu sudah lewat)');
    expect(articleNamed('Tanpa tanggal')?.querySelector('.plan-overdue')).toBeNull();
    expect(articleNamed('Tanpa tanggal')?.textContent).toContain('Belum ada penanggung jawab · Tanpa batas waktu');
    expect(plan().textContent).toContain('2 terbuka · 1 terlambat · 0 selesai');

    // Both actions may be made in the same millisecond, so find this one by what it says.
    const statusOfLate = () => readActions(doc).find((action) => action.what === 'Uji coba ulang di 7C')?.status;
    await click(button('Tandai selesai', late));
    expect(statusOfLate()).toBe('done');
    expect(late.querySelector('.plan-overdue')).toBeNull();
    expect(late.textContent).toContain('Selesai');
    expect(plan().textContent).toContain('1 terbuka · 0 terlambat · 1 selesai');
    await click(button('Buka lagi', late));
    expect(statusOfLate()).toBe('open');
  });

  it('an action due today is not overdue yet', async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'plan' });
    await remotely(() => void addAction(doc, { what: 'Hari ini', who: '', due: localDay(), links: [] }, SARI));
    expect(articleNamed('Hari ini')?.querySelector('.plan-overdue')).toBeNull();
  });

  it('removing asks first', async () => {
    const { doc } = await renderCycle({ role: 'editor', view: 'plan' });
    await remotely(() => void addAction(doc, { what: 'Cetak ulang LKPD', who: '', due: null, links: [] }, SARI));
    confirm.answer = false;
    await click(button('Hapus tindakan'));
    expect(confirm.asked).toEqual(['Hapus tindakan “Cetak ulang LKPD”?']);
    expect(readActions(doc)).toHaveLength(1);
    confirm.answer = true;
    await click(button('Hapus tindakan'));
    expect(readActions(doc)).toHaveLength(0);
    expect(plan().textContent).toContain('Belum ada tindakan.');
  });

  it('an action needs its "what"', async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'plan' });
    await click(button('Tambah tindakan', form()));
    expect(form().querySelector('[role="alert"]')?.textContent).toBe('Tulis tindakannya.');
    expect(readActions(doc)).toHaveLength(0);
  });

  it('"Buat tindakan" from the reflection arrives with its item ticked', async () => {
    const doc = new (await import('yjs')).Doc();
    const ids = improvements(doc);
    await renderCycle(
      { role: 'owner', view: 'plan', search: `?draft=draft-0001&view=plan&item=thread:${ids.second}` },
      doc,
    );
    expect(checkbox(threadRef(ids.second)).checked).toBe(true);
    expect(checkbox(threadRef(ids.first)).checked).toBe(false);
  });

  it('the mentor reads the plan, with no form and no buttons', async () => {
    const { doc } = await renderCycle({ role: 'commenter', me: BUDI, view: 'plan' });
    await remotely(
      () => void addAction(doc, { what: 'Uji coba ulang', who: 'Bu Sari', due: '2020-01-02', links: [] }, SARI),
    );
    expect(form()).toBeNull();
    expect(plan().querySelectorAll('button')).toHaveLength(0);
    expect(plan().textContent).toContain(
      'Anda dapat membaca rencana ini, tetapi hanya pemilik dan penyunting yang mengubahnya.',
    );
    expect(articleNamed('Uji coba ulang')?.querySelector('.plan-overdue')).not.toBeNull();
  });

  it("the server's refusal of a plan change is shown in words", async () => {
    const refusal = {
      code: 'feedback-rule',
      reason: 'may-not-plan',
      role: 'editor',
      room: 'draft-0001.feedback',
    } as const;
    await renderCycle({ role: 'editor', view: 'plan', refusal });
    expect(plan().querySelector('[role="alert"]')?.textContent).toBe(
      'Server menolak perubahan Anda: hanya pemilik dan penyunting yang dapat mengubah refleksi dan rencana tindak lanjut.',
    );
  });
});
