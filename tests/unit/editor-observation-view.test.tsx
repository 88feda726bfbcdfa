// @vitest-environment jsdom
/**
 * The classroom observation view as a mentor uses it on a phone during the try-out: a quick note
 * (text, tag, keep/fix, the part of the media, photo) written into the draft's feedback document
 * in their own name, listed at once, newest first, with whether it has reached the server; own
 * notes edited and deleted (a tombstone); a viewer reads the notes but gets no form.
 */
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DraftSession } from '../../extension/app/common/use-draft-connection';
import { documentText } from '../../extension/app/feedback/document-text';
import { feedbackRights } from '../../extension/app/feedback/feedback-rights';
import { mediaSections } from '../../extension/app/observation/media-sections';
import { ObservationView } from '../../extension/app/observation/ObservationView';
import { I18nProvider } from '../../extension/components/i18n';
import type { DraftConnection } from '../../extension/sync/draft-connection';
import type { SyncStatus } from '../../extension/sync/sync-status';
import type { Role } from '../../shared/auth/roles';
import { addObservation, observationsMap, readObservations } from '../../shared/mentoring/cycle-doc';
import { ObservationSchema } from '../../shared/mentoring/cycle-schema';
import { decodeRelativePosition } from '../../shared/mentoring/relative-position';
import { AnchorSchema } from '../../shared/mentoring/thread-schema';
import { draftFragment } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import {
  button,
  field as byLabel,
  chooseOption,
  click,
  container,
  mount,
  typeInto as type,
  unmount,
  until,
  untilElement,
} from './support/editor-harness';

const SARI = { id: 'u-sari', name: 'Bu Sari' };
const BUDI = { id: 'u-budi', name: 'Pak Budi' };
const SYNCED: SyncStatus = { state: 'synced', pending: 0, reason: null };
const OFFLINE = (pending: number): SyncStatus => ({ state: 'offline', pending, reason: 'network' });

const confirm = vi.fn(() => true);

afterEach(async () => {
  await unmount();
  confirm.mockClear();
});

/** An LKPD-like media: headings with paragraphs under them. */
function contentDoc(): Y.Doc {
  const doc = new Y.Doc();
  const heading = (level: number, text: string) => ({
    type: 'heading',
    attrs: { level },
    content: [{ type: 'text', text }],
  });
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  prosemirrorJSONToYXmlFragment(
    draftSchema(),
    {
      type: 'doc',
      content: [
        heading(1, 'LKPD Fotosintesis'),
        paragraph('Tujuan: siswa memahami fotosintesis.'),
        heading(2, 'Kegiatan inti'),
        paragraph('Siswa mengamati daun di halaman.'),
      ],
    },
    draftFragment(doc),
  );
  return doc;
}

function session(feedback: Y.Doc, status: SyncStatus): DraftSession {
  return { connection: { doc: feedback }, status, writeRefusal: null, discardedText: null } as unknown as DraftSession;
}

async function render(role: Role, me: { id: string; name: string }, status = SYNCED, feedback = new Y.Doc()) {
  const content = contentDoc();
  const win = { confirm, document } as unknown as Window;
  const view = (next: SyncStatus) => (
    <I18nProvider language="id" onLanguageChange={() => {}}>
      <ObservationView
        content={{ doc: content } as unknown as DraftConnection}
        feedback={session(feedback, next)}
        author={me}
        rights={feedbackRights(role, null, role === 'owner' || role === 'editor')}
        win={win}
      />
    </I18nProvider>
  );
  await mount(view(status));
  return { content, feedback, setStatus: (next: SyncStatus) => mount(view(next)) };
}

const form = () => container.querySelector('form') as HTMLFormElement | null;
const notes = () => [...container.querySelectorAll('article')];
const nameOf = (element: Element) =>
  document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';

/** Writes a note through the form: text, tag chip, tone button, optionally a part of the media. */
async function writeNote(body: string, tag: string, tone: string, section?: string) {
  const scope = form() as HTMLFormElement;
  await type(byLabel('Catatan', scope), body);
  await click(byLabel(tag, scope));
  await click(byLabel(tone, scope));
  if (section) await chooseOption(byLabel('Bagian media', scope), section);
  await click(button('Simpan catatan', scope));
}

describe('the classroom observation view', () => {
  it('a mentor notes what they saw with a tag, keep/fix and a part of the media: a valid note in their name, listed at once', async () => {
    const { feedback, content } = await render('commenter', BUDI);
    expect(container.querySelector('h2')?.textContent).toBe('Observasi kelas');
    await writeNote('Siswa bingung membaca petunjuk.', 'Kejelasan', 'Perlu diperbaiki', 'Kegiatan inti');

    const [note] = readObservations(feedback);
    expect(ObservationSchema.safeParse(note).success).toBe(true);
    expect(note).toMatchObject({
      authorId: 'u-budi',
      authorName: 'Pak Budi',
      body: 'Siswa bingung membaca petunjuk.',
      tag: 'clarity',
      tone: 'fix',
      photo: null,
      deleted: false,
    });
    // The anchor is the heading, with the context the editor's text would give it.
    const text = documentText(yXmlFragmentToProseMirrorRootNode(draftFragment(content), draftSchema())).text;
    expect(note?.anchor).toEqual(expect.objectContaining({ quote: 'Kegiatan inti' }));
    expect(note?.anchor?.prefix).toBe(text.slice(text.indexOf('Kegiatan inti') - 32, text.indexOf('Kegiatan inti')));
    expect(note?.anchor?.suffix).toBe('\nSiswa mengamati daun di halaman');
    const start = Y.createAbsolutePositionFromRelativePosition(
      decodeRelativePosition(note?.anchor?.start ?? '') as Y.RelativePosition,
      content,
    );
    const end = Y.createAbsolutePositionFromRelativePosition(
      decodeRelativePosition(note?.anchor?.end ?? '') as Y.RelativePosition,
      content,
    );
    expect(start?.type.toString()).toBe('Kegiatan inti');
    expect([start?.index, end?.index]).toEqual([0, 'Kegiatan inti'.length]);

    const [article] = notes();
    const time = new Intl.DateTimeFormat('id-ID', { timeStyle: 'short' }).format(new Date(note?.createdAt ?? ''));
    expect(nameOf(article as HTMLElement)).toBe(`${time} · Kejelasan`);
    expect(article?.dataset).toMatchObject({ tag: 'clarity', tone: 'fix' });
    expect(article?.textContent).toContain('Perlu diperbaiki');
    expect(article?.querySelector('.observation-note-section')?.textContent).toBe('Bagian: Kegiatan inti');
    expect(article?.textContent).toContain('oleh Pak Budi');
    expect(container.textContent).toContain(`Catatan disimpan pukul ${time}.`);
    // The form is ready for the next note.
    expect(byLabel<HTMLTextAreaElement>('Catatan', form() as HTMLFormElement).value).toBe('');
  });

  it('the part of the media lists the headings; every one has a valid anchor', async () => {
    await render('commenter', BUDI);
    const select = byLabel<HTMLSelectElement>('Bagian media', form() as HTMLFormElement);
    expect([...select.options].map((option) => option.textContent?.trim())).toEqual([
      'Tidak terkait bagian tertentu',
      'LKPD Fotosintesis',
      'Kegiatan inti',
    ]);
    for (const section of mediaSections(contentDoc()))
      expect(AnchorSchema.safeParse(section.anchor).success).toBe(true);
  });

  it('offline: the view says notes stay on the phone, a new note is "Belum terkirim" until synced', async () => {
    const { setStatus } = await render('commenter', BUDI, OFFLINE(0));
    const banner = container.querySelector('.observation-sync') as HTMLElement;
    expect(banner.textContent).toContain('Tanpa internet. Catatan disimpan di perangkat ini');
    await writeNote('Siswa antusias.', 'Keterlibatan', 'Berjalan baik');
    await setStatus(OFFLINE(1));
    expect(container.querySelector('.observation-sync')?.textContent).toContain('1 perubahan belum terkirim.');
    expect(notes()[0]?.querySelector('.observation-delivery')?.textContent).toBe('Belum terkirim');

    await setStatus(SYNCED);
    expect(container.querySelector('.observation-sync')?.textContent).toBe('Semua catatan sudah terkirim.');
    expect(notes()[0]?.querySelector('.observation-delivery')?.textContent).toBe('Terkirim');
  });

  it('the newest note comes first; a tag left unchosen is "Lainnya"; a note needs keep/fix first', async () => {
    const { feedback } = await render('commenter', BUDI);
    await type(byLabel('Catatan', form() as HTMLFormElement), 'Tanpa penilaian');
    await click(button('Simpan catatan', form() as HTMLFormElement));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Pilih dulu: Berjalan baik atau Perlu diperbaiki.',
    );
    expect(readObservations(feedback)).toHaveLength(0);

    await click(byLabel('Berjalan baik', form() as HTMLFormElement));
    await click(button('Simpan catatan', form() as HTMLFormElement));
    // The next note is newer by its time (milliseconds): wait for the clock to move on.
    const first = Date.parse(readObservations(feedback)[0]?.createdAt ?? '');
    await until(() => Date.now() > first, 'a later millisecond');
    await writeNote('Waktu habis sebelum diskusi.', 'Waktu', 'Perlu diperbaiki');
    expect(notes().map((article) => article.dataset.tag)).toEqual(['time', 'other']);
    expect(nameOf(notes()[1] as HTMLElement)).toMatch(/ · Lainnya$/);
  });

  it('a commenter sees the form; a viewer reads the notes but gets no form, and is told why', async () => {
    const feedback = new Y.Doc();
    addObservation(feedback, { body: 'Kelompok 2 aktif.', tag: 'engagement', tone: 'keep' }, BUDI);
    await render('commenter', SARI, SYNCED, feedback);
    expect(form()).not.toBeNull();
    // Someone else's note: read only.
    expect(notes()[0]?.querySelectorAll('button')).toHaveLength(0);
    await unmount();

    await render('viewer', SARI, SYNCED, feedback);
    expect(form()).toBeNull();
    expect(container.textContent).toContain('Anda dapat membaca catatan observasi, tetapi tidak dapat menulisnya');
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.textContent).toContain('Kelompok 2 aktif.');
  });

  it('the author edits their note; deleting it leaves a tombstone and hides it', async () => {
    const { feedback } = await render('commenter', BUDI);
    await writeNote('Siswa diam.', 'Keterlibatan', 'Perlu diperbaiki');
    const [note] = notes();
    await click(button('Ubah catatan', note as HTMLElement));
    const editForm = note?.querySelector('form') as HTMLFormElement;
    await type(byLabel('Catatan', editForm), 'Siswa diam di awal, lalu aktif.');
    await click(byLabel('Berjalan baik', editForm));
    await click(button('Simpan perubahan', editForm));
    const [edited] = readObservations(feedback);
    expect(edited).toMatchObject({ body: 'Siswa diam di awal, lalu aktif.', tone: 'keep', tag: 'engagement' });
    expect(edited?.editedAt).not.toBeNull();
    expect(notes()[0]?.textContent).toContain('(diubah)');

    await click(button('Hapus catatan', notes()[0] as HTMLElement));
    expect(confirm).toHaveBeenCalledWith('Hapus catatan ini? Catatan yang dihapus tidak dapat dikembalikan.');
    expect(observationsMap(feedback).get(edited?.id ?? '')).toMatchObject({ deleted: true, body: '', photo: null });
    expect(notes()).toHaveLength(0);
    expect(container.textContent).toContain('Catatan (0)');
    expect(container.textContent).toContain('Belum ada catatan observasi.');
  });

  it('a file that is not a picture is refused with the reason; nothing is attached', async () => {
    const { feedback } = await render('commenter', BUDI);
    const input = byLabel<HTMLInputElement>('Foto (boleh dilewati)', form() as HTMLFormElement);
    expect(input.accept).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    Object.defineProperty(input, 'files', { value: [new File(['hi'], 'catatan.txt', { type: 'text/plain' })] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Berkas ini bukan gambar. Pilih atau ambil foto (JPEG, PNG atau WebP).',
    );
    expect(container.querySelector('img')).toBeNull();
    await writeNote('Tanpa foto.', 'Kesulitan', 'Perlu diperbaiki');
    expect(readObservations(feedback)[0]?.photo).toBeNull();
  });

  it('a note with a photo shows its thumbnail, named by the time it was taken', async () => {
    const feedback = new Y.Doc();
    const photo = `data:image/jpeg;base64,${'A'.repeat(400)}`;
    const note = addObservation(feedback, { body: '', tag: 'other', tone: 'keep', photo }, BUDI);
    await render('commenter', BUDI, SYNCED, feedback);
    const time = new Intl.DateTimeFormat('id-ID', { timeStyle: 'short' }).format(new Date(note.createdAt));
    const image = notes()[0]?.querySelector('img') as HTMLImageElement;
    expect(image.alt).toBe(`Foto catatan pukul ${time}`);
    expect(image.getAttribute('src')).toBe(photo);
    await click(notes()[0]?.querySelector('button[aria-label="Perbesar foto"]') as HTMLButtonElement);
    expect(notes()[0]?.querySelector('.observation-thumb')?.getAttribute('aria-pressed')).toBe('true');
  });
});
