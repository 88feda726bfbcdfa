// @vitest-environment jsdom
/**
 * The stage stepper at the top of the draft page, on a real feedback document: the five stages
 * with the current one marked, the moves each role is offered (from the same table the server
 * checks), a move with its note in the history, another person's move arriving live, and the
 * server's refusal of a move shown in words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { moveStage, readStageMoves } from '../../shared/mentoring/cycle-doc';
import {
  BUDI,
  button,
  buttonTexts,
  click,
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

const stepper = () => regionNamed('Tahap pendampingan') as HTMLElement;
const current = () => stepper().querySelector('[aria-current="step"] .stage-step-name')?.textContent;
const doneStages = () =>
  [...stepper().querySelectorAll('.stage-step--done .stage-step-name')].map((step) => step.textContent);

describe('the stage stepper', () => {
  it('shows the five stages in order, a new draft at "Analisis kebutuhan", and says the media stays editable', async () => {
    await renderCycle({ role: 'owner' });
    const names = [...stepper().querySelectorAll('.stage-step-name')].map((step) => step.textContent);
    expect(names).toEqual([
      'Analisis kebutuhan',
      'Rancangan & pengembangan',
      'Uji coba terbatas',
      'Refleksi',
      'Tindak lanjut',
    ]);
    expect(current()).toBe('Analisis kebutuhan');
    expect(stepper().textContent).toContain(
      'Draf baru dimulai di tahap ini. Media tetap dapat diubah di setiap tahap.',
    );
  });

  it('offers the owner both ways, an editor only forward, a commenter and a viewer nothing', async () => {
    const { doc, rerender } = await renderCycle({ role: 'owner' });
    await remotely(() => {
      moveStage(doc, 'design', SARI);
      moveStage(doc, 'try-out', SARI);
    });
    expect(current()).toBe('Uji coba terbatas');
    expect(doneStages()).toEqual(['Analisis kebutuhan', 'Rancangan & pengembangan']);
    expect(buttonTexts(stepper())).toEqual(['← Kembali ke Rancangan & pengembangan', 'Lanjut ke Refleksi →']);

    await rerender({ role: 'editor' });
    expect(buttonTexts(stepper())).toEqual(['Lanjut ke Refleksi →']);
    await rerender({ role: 'commenter', me: BUDI });
    expect(buttonTexts(stepper())).toEqual([]);
    await rerender({ role: 'viewer', me: BUDI });
    expect(buttonTexts(stepper())).toEqual([]);
    // Still shown to everyone: where the draft is.
    expect(current()).toBe('Uji coba terbatas');
  });

  it('at the last stage the owner may only go back; at the first, only forward', async () => {
    const { doc } = await renderCycle({ role: 'owner' });
    expect(buttonTexts(stepper())).toEqual(['Lanjut ke Rancangan & pengembangan →']);
    await remotely(() => moveStage(doc, 'follow-up', SARI));
    expect(buttonTexts(stepper())).toEqual(['← Kembali ke Refleksi']);
  });

  it('moving asks for an optional note and records the move with it, in my name; the history lists it', async () => {
    const { doc } = await renderCycle({ role: 'owner' });
    await remotely(() => moveStage(doc, 'design', SARI, '', new Date('2026-11-23T08:00:00Z')));
    await click(button('Lanjut ke Uji coba terbatas →'));
    const form = stepper().querySelector('form') as HTMLFormElement;
    expect(form.querySelector('h3')?.textContent).toBe('Pindahkan draf ke “Uji coba terbatas”');
    const note = field<HTMLTextAreaElement>('Catatan (boleh kosong)', form);
    expect(document.activeElement).toBe(note);
    await typeInto(note, 'LKPD siap dipakai Kamis, kelas 7B.');
    await click(button('Pindahkan ke Uji coba terbatas', form));

    const moves = readStageMoves(doc);
    expect(moves.at(-1)).toMatchObject({
      from: 'design',
      to: 'try-out',
      byId: 'u-sari',
      byName: 'Bu Sari',
      note: 'LKPD siap dipakai Kamis, kelas 7B.',
    });
    expect(stepper().querySelector('form')).toBeNull();
    expect(current()).toBe('Uji coba terbatas');
    expect(stepper().querySelector('.stage-last-move')?.textContent).toMatch(
      /^Dipindahkan ke tahap ini oleh Bu Sari, /,
    );

    const history = stepper().querySelector('details') as HTMLDetailsElement;
    expect(history.querySelector('summary')?.textContent).toBe('Riwayat tahap (2)');
    const entries = [...history.querySelectorAll('li')].map((entry) => entry.textContent);
    expect(entries[0]).toMatch(
      /^Rancangan & pengembangan → Uji coba terbatas Bu Sari · .*LKPD siap dipakai Kamis, kelas 7B\.$/,
    );
    expect(entries[1]).toMatch(/^Analisis kebutuhan → Rancangan & pengembangan Bu Sari · /);
  });

  it('"Batal" closes the note without moving anything', async () => {
    const { doc } = await renderCycle({ role: 'editor' });
    await click(button('Lanjut ke Rancangan & pengembangan →'));
    await click(button('Batal'));
    expect(stepper().querySelector('form')).toBeNull();
    expect(readStageMoves(doc)).toEqual([]);
  });

  it("the other person's move appears without a reload, with who moved it", async () => {
    const { doc } = await renderCycle({ role: 'commenter', me: BUDI });
    expect(current()).toBe('Analisis kebutuhan');
    await remotely(() => moveStage(doc, 'design', SARI, 'Analisis selesai.'));
    expect(current()).toBe('Rancangan & pengembangan');
    expect(stepper().querySelector('.stage-last-move')?.textContent).toContain('oleh Bu Sari');
  });

  it("the server's refusal of a move is shown with its reason, and can be dismissed", async () => {
    const refusal = {
      code: 'feedback-rule',
      reason: 'may-not-move-stage',
      role: 'editor',
      room: 'draft-0001.feedback',
    } as const;
    await renderCycle({ role: 'editor', refusal });
    const alert = stepper().querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      'Server menolak pemindahan tahap: peran Anda tidak dapat memindahkan tahap draf ke arah itu.',
    );
    await click(button('Tutup pesan', stepper()));
    expect(stepper().querySelector('[role="alert"]')).toBeNull();
  });

  it('another feedback refusal (not about the stage) is not shown as a stage refusal', async () => {
    const refusal = { code: 'feedback-rule', reason: 'not-your-feedback', role: 'owner', room: 'x' } as const;
    await renderCycle({ role: 'owner', refusal });
    expect(stepper().querySelector('[role="alert"]')).toBeNull();
  });

  it('reads in English too', async () => {
    await renderCycle({ role: 'owner', language: 'en' });
    expect(container.querySelector('[aria-current="step"] .stage-step-name')?.textContent).toBe('Needs analysis');
    expect(buttonTexts()).toContain('On to Design & development →');
  });
});
