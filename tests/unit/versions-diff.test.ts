/** Comparing two versions: exactly what a reader should see marked as added and removed, in the draft's own schema. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { draftSchema } from '../../shared/model/draft-extensions';
import { alignBlocks } from '../../shared/versions/block-alignment';
import { changedText, diffDocuments } from '../../shared/versions/version-diff';

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const p = (...content: Array<string | Json>): Json => ({
  type: 'paragraph',
  content: content.map((part) => (typeof part === 'string' ? text(part) : part)),
});
const h = (level: number, value: string): Json => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const doc = (...content: Json[]): ProseMirrorNode => draftSchema().nodeFromJSON({ type: 'doc', content });
const clip = (clipId: string, ...content: Json[]): Json => ({
  type: 'clip',
  attrs: { clipId, sourceTitle: 'Fotosintesis', sourceUrl: 'https://contoh.id/fotosintesis' },
  content,
});

function marked(older: ProseMirrorNode, newer: ProseMirrorNode) {
  return changedText(newer, diffDocuments(older, newer));
}

describe('comparing two versions', () => {
  it('a word typed into a sentence is the only thing marked added', () => {
    const older = doc(h(1, 'Modul ajar pecahan'), p('Siswa membandingkan pecahan.'));
    const newer = doc(h(1, 'Modul ajar pecahan'), p('Siswa membandingkan dua pecahan.'));
    expect(marked(older, newer)).toEqual({ added: ['dua '], removed: [] });
  });

  it('a word replaced by another reads as the old word removed and the new one added, at its place', () => {
    const older = doc(p('Waktu: 30 menit untuk diskusi kelompok.'));
    const newer = doc(p('Waktu: 45 menit untuk diskusi kelompok.'));
    const diff = diffDocuments(older, newer);
    expect(changedText(newer, diff)).toEqual({ added: ['45'], removed: ['30'] });
    // The removed word sits where it was: right before the added one.
    expect(diff.removed[0]?.at).toBe(diff.added[0]?.from);
    expect(newer.textBetween(0, diff.added[0]?.from ?? 0)).toBe('Waktu: ');
  });

  it('a paragraph removed is one removed block with its whole text, nothing added', () => {
    const older = doc(p('Tujuan pembelajaran.'), p('Langkah yang dihapus.'), p('Penutup.'));
    const newer = doc(p('Tujuan pembelajaran.'), p('Penutup.'));
    const diff = diffDocuments(older, newer);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toHaveLength(1);
    expect(diff.removed[0]).toMatchObject({ text: 'Langkah yang dihapus.', multiBlock: true });
    // Shown between the two paragraphs that stayed.
    expect(newer.resolve(diff.removed[0]?.at ?? -1).depth).toBe(0);
    expect(newer.textBetween(0, diff.removed[0]?.at ?? 0, '|')).toBe('Tujuan pembelajaran.');
  });

  it('a paragraph added is marked as added whole', () => {
    const older = doc(p('Apersepsi.'), p('Penutup.'));
    const newer = doc(p('Apersepsi.'), p('Kegiatan inti baru.'), p('Penutup.'));
    expect(marked(older, newer)).toEqual({ added: ['Kegiatan inti baru.'], removed: [] });
  });

  it('the same content is no change, and so is a change of formatting only', () => {
    const older = doc(h(2, 'Asesmen'), p('Kerjakan soal nomor 1.'));
    expect(diffDocuments(older, doc(h(2, 'Asesmen'), p('Kerjakan soal nomor 1.')))).toEqual({ added: [], removed: [] });
    const bolder = doc(h(2, 'Asesmen'), p('Kerjakan ', text('soal', [{ type: 'bold' }]), ' nomor 1.'));
    expect(diffDocuments(older, bolder)).toEqual({ added: [], removed: [] });
  });

  it('edits far apart in a long draft are each marked on their own, the blocks between them untouched', () => {
    const middle = Array.from({ length: 400 }, (_, index) => p(`Paragraf isi nomor ${index} tentang pecahan senilai.`));
    const older = doc(p('Awal draf.'), ...middle, p('Akhir draf.'));
    const newer = doc(p('Awal draf yang direvisi.'), ...middle, p('Akhir draf.'), p('Catatan tambahan.'));
    expect(marked(older, newer)).toEqual({ added: [' yang direvisi', 'Catatan tambahan.'], removed: [] });
  });

  it('text changed inside a clip card is marked inside the card; a clip removed is removed with its text', () => {
    const older = doc(
      p('Bacaan:'),
      clip('clip-1', p('Daun menyerap cahaya matahari.')),
      clip('clip-2', p('Klorofil berwarna hijau.')),
    );
    const newer = doc(p('Bacaan:'), clip('clip-1', p('Daun hijau menyerap cahaya matahari.')));
    const diff = diffDocuments(older, newer);
    expect(changedText(newer, diff)).toEqual({ added: ['hijau '], removed: ['Klorofil berwarna hijau.'] });
    expect(newer.resolve(diff.added[0]?.from ?? 0).node(1).type.name).toBe('clip');
    expect(diff.removed[0]?.multiBlock).toBe(true);
  });

  it('a list item removed is removed whole, even where its ending matches the item before it', () => {
    const item = (value: string): Json => ({ type: 'listItem', content: [p(value)] });
    const list = (...items: string[]) => ({ type: 'bulletList', content: items.map(item) });
    const older = doc(list('Siswa membaca.', 'Siswa menulis.', 'Siswa berdiskusi.'));
    const newer = doc(list('Siswa membaca.', 'Siswa berdiskusi.'));
    const diff = diffDocuments(older, newer);
    expect(changedText(newer, diff)).toEqual({ added: [], removed: ['Siswa menulis.'] });
    expect(diff.removed[0]?.multiBlock).toBe(true);
  });

  it('a word deleted from a sentence is removed with one space, not half of two words', () => {
    const older = doc(p('Siswa bekerja dalam kelompok kecil.'));
    const newer = doc(p('Siswa bekerja dalam kelompok.'));
    expect(marked(older, newer)).toEqual({ added: [], removed: [' kecil'] });
  });

  it('a picture swapped for another is a change; removed leaves read as their name', () => {
    const image = (src: string): Json => ({ type: 'image', attrs: { src, alt: null, title: null } });
    const older = doc(p('Gambar:'), image('https://contoh.id/a.png'));
    const newer = doc(p('Gambar:'), image('https://contoh.id/b.png'));
    const diff = diffDocuments(older, newer, { leafText: (node) => `[${node.type.name}]` });
    expect(diff.removed.map((piece) => piece.text)).toEqual(['[image]']);
    expect(diff.added).toHaveLength(1);
  });
});

describe('aligning top-level blocks', () => {
  it('finds each differing run and keeps equal blocks between them', () => {
    expect(alignBlocks(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'd', 'e', 'f'])).toEqual([
      { fromA: 1, toA: 2, fromB: 1, toB: 1 },
      { fromA: 5, toA: 5, fromB: 4, toB: 5 },
    ]);
    expect(alignBlocks(['a'], ['a'])).toEqual([]);
    expect(alignBlocks([], ['x'])).toEqual([{ fromA: 0, toA: 0, fromB: 0, toB: 1 }]);
  });
});
