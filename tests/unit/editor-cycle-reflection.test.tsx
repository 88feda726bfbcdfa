// @vitest-environment jsdom
/**
 * The reflection view on a real feedback document: strength feedback and "went well" observation
 * notes in "Pertahankan", improvements and "needs fixing" notes in "Perbaiki" (questions left out),
 * with tag, author, quote and photo; the teacher's reflection per item and overall, saved when
 * she leaves the field (not per keystroke); and read-only for the mentor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addObservation, readReflections, setItemReflection } from '../../shared/mentoring/cycle-doc';
import { observationRef, threadRef } from '../../shared/mentoring/cycle-schema';
import { addThread } from '../../shared/mentoring/threads';
import {
  anchorOn,
  articleNamed,
  BUDI,
  container,
  field,
  leave,
  regionNamed,
  remotely,
  renderCycle,
  SARI,
  typeInto,
  unmount,
} from './editor-cycle-support';

afterEach(unmount);

const PHOTO = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==';

/** What the mentor gave and noted: one strength, two improvements, a question, two notes. */
function mentorWork(doc: import('yjs').Doc) {
  const at = (minute: number) => new Date(`2026-11-23T08:${String(minute).padStart(2, '0')}:00Z`);
  const strength = addThread(
    doc,
    { kind: 'strength', anchor: anchorOn('mengamati daun'), body: 'Kegiatan nyata.' },
    BUDI,
    at(1),
  );
  const first = addThread(
    doc,
    { kind: 'improvement', anchor: anchorOn('siswa memahami'), body: 'Tujuan terlalu umum.' },
    BUDI,
    at(2),
  );
  const second = addThread(
    doc,
    { kind: 'improvement', anchor: anchorOn('Langkah 3'), body: 'Waktu terlalu singkat.' },
    BUDI,
    at(3),
  );
  addThread(doc, { kind: 'question', anchor: anchorOn('daun'), body: 'Daun apa?' }, BUDI, at(4));
  const keepNote = addObservation(
    doc,
    { body: 'Siswa antusias berdiskusi.', tag: 'engagement', tone: 'keep', photo: PHOTO },
    BUDI,
    at(5),
  );
  const fixNote = addObservation(
    doc,
    { body: 'Instruksi langkah 2 membingungkan.', tag: 'clarity', tone: 'fix', anchor: anchorOn('Langkah 2') },
    BUDI,
    at(6),
  );
  return { strength, first, second, keepNote: keepNote.id, fixNote: fixNote.id };
}

const column = (name: string) => regionNamed(name) as HTMLElement;
const itemsIn = (name: string) => [...column(name).querySelectorAll('article')].map((article) => article.dataset.item);

describe('the reflection view', () => {
  it('puts strengths and "went well" notes under "Pertahankan", improvements and "needs fixing" notes under "Perbaiki"', async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'reflect' });
    let ids = {} as ReturnType<typeof mentorWork>;
    await remotely(() => {
      ids = mentorWork(doc);
    });
    expect(itemsIn('Pertahankan')).toEqual([threadRef(ids.strength), observationRef(ids.keepNote)]);
    expect(itemsIn('Perbaiki')).toEqual([threadRef(ids.first), threadRef(ids.second), observationRef(ids.fixNote)]);
    expect(container.textContent).not.toContain('Daun apa?');

    const strength = articleNamed('Kekuatan dari Pak Budi') as HTMLElement;
    expect(strength.querySelector('blockquote[aria-label="Bagian media yang dimaksud"]')?.textContent).toBe(
      'mengamati daun',
    );
    expect(strength.textContent).toContain('Kegiatan nyata.');
    const note = articleNamed('Catatan pengamatan dari Pak Budi · Keterlibatan') as HTMLElement;
    expect(note.querySelector('img')?.getAttribute('alt')).toBe('Foto dari pengamatan kelas');
    expect(note.querySelector('img')?.getAttribute('src')).toBe(PHOTO);
    expect(note.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T08:05:00.000Z');
    const fixNote = articleNamed('Catatan pengamatan dari Pak Budi · Kejelasan') as HTMLElement;
    expect(fixNote.querySelector('blockquote')?.textContent).toBe('Langkah 2');
  });

  it("the teacher's reflection on an item is stored when she leaves the field, not on every keystroke", async () => {
    const { doc } = await renderCycle({ role: 'owner', view: 'reflect' });
    let ids = {} as ReturnType<typeof mentorWork>;
    await remotely(() => {
      ids = mentorWork(doc);
    });
    const item = column('Perbaiki').querySelector(`[data-item="${threadRef(ids.first)}"]`) as HTMLElement;
    const own = field<HTMLTextAreaElement>('Refleksi saya', item);
    await typeInto(own, 'Tujuan');
    await typeInto(own, 'Tujuan akan saya tulis');
    expect(readReflections(doc).items.size).toBe(0);
    await leave(own);
    expect(readReflections(doc).items.get(threadRef(ids.first))).toMatchObject({
      text: 'Tujuan akan saya tulis',
      byId: 'u-sari',
      byName: 'Bu Sari',
    });
    expect(item.querySelector('.reflection-by')?.textContent).toMatch(/^— Bu Sari, /);
    expect(item.querySelector('a')?.textContent).toBe('Buat tindakan');
    expect(item.querySelector('a')?.getAttribute('href')).toBe(
      `editor.html?draft=draft-0001&view=plan&item=${encodeURIComponent(threadRef(ids.first))}`,
    );
  });

  it('the overall reflection has the three guided prompts, each answer stored with the others kept', async () => {
    const { doc } = await renderCycle({ role: 'editor', view: 'reflect' });
    const overall = regionNamed('Refleksi keseluruhan') as HTMLElement;
    const labels = [...overall.querySelectorAll('label')].map((label) => label.textContent);
    expect(labels).toEqual([
      'Apa yang berjalan sesuai rencana?',
      'Apa yang dilakukan siswa?',
      'Apa yang saya pelajari?',
    ]);
    const planned = field<HTMLTextAreaElement>('Apa yang berjalan sesuai rencana?', overall);
    await typeInto(planned, 'Pembukaan tepat waktu.');
    await leave(planned);
    const learned = field<HTMLTextAreaElement>('Apa yang saya pelajari?', overall);
    await typeInto(learned, 'Instruksi perlu contoh.');
    await leave(learned);
    expect(readReflections(doc).overall).toMatchObject({
      planned: 'Pembukaan tepat waktu.',
      students: '',
      learned: 'Instruksi perlu contoh.',
      byName: 'Bu Sari',
    });
    expect(planned.value).toBe('Pembukaan tepat waktu.');
  });

  it("the mentor reads the teacher's reflection but has no fields to write in", async () => {
    const { doc } = await renderCycle({ role: 'commenter', me: BUDI, view: 'reflect' });
    await remotely(() => {
      const ids = mentorWork(doc);
      setItemReflection(doc, threadRef(ids.second), 'Saya tambah 10 menit.', SARI);
    });
    expect(container.querySelectorAll('textarea')).toHaveLength(0);
    expect(container.textContent).toContain(
      'Anda dapat membaca refleksi, tetapi hanya pemilik dan penyunting yang menulisnya.',
    );
    const second = articleNamed('Perbaikan dari Pak Budi', column('Perbaiki'));
    expect(column('Perbaiki').textContent).toContain('Saya tambah 10 menit.');
    expect(second?.querySelector('a')).toBeNull();
    expect(regionNamed('Refleksi keseluruhan')?.textContent).toContain('Belum diisi.');
  });

  it('an empty draft says there is nothing in the columns yet', async () => {
    await renderCycle({ role: 'owner', view: 'reflect' });
    expect(column('Pertahankan').textContent).toContain('Belum ada butir di sini.');
    expect(column('Perbaiki').textContent).toContain('Belum ada butir di sini.');
  });
});
