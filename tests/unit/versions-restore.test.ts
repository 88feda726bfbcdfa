/** Restoring a version: one new change on top of the live document; edits made elsewhere meanwhile still merge. */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import {
  currentDocument,
  RESTORE_ORIGIN,
  restoreVersion,
  versionDocument,
} from '../../shared/versions/version-content';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function draftWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema(), { type: 'doc', content: paragraphs.map(p) }, draftFragment(doc));
  return doc;
}

/** Types `text` at `offset` of the paragraph `index`, as the editor binding would (a Y.XmlText insert). */
function typeInto(doc: Y.Doc, index: number, offset: number, text: string): void {
  const paragraph = draftFragment(doc).get(index) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(offset, text);
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('restoring a version', () => {
  it('brings back the saved content as one new transaction, without rewriting what came before', () => {
    const teacher = draftWith('Tujuan: siswa memahami pecahan.', 'Langkah 1: apersepsi.');
    const saved = Y.encodeStateAsUpdate(teacher);
    typeInto(teacher, 0, 7, 'semua ');
    draftFragment(teacher).delete(1, 1);
    const before = Y.encodeStateVector(teacher);
    const origins: unknown[] = [];
    teacher.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));

    restoreVersion(teacher, versionDocument(saved));

    expect(draftPlainText(teacher)).toBe('Tujuan: siswa memahami pecahan.\nLangkah 1: apersepsi.');
    expect(origins).toEqual([RESTORE_ORIGIN]);
    // Everything known before is still known: the restore only added operations.
    const after = Y.decodeStateVector(Y.encodeStateVector(teacher));
    for (const [client, clock] of Y.decodeStateVector(before)) expect(after.get(client)).toBeGreaterThanOrEqual(clock);
  });

  it('a collaborator’s offline edit made before the restore merges after it, in the restored text', () => {
    const teacher = draftWith('Tujuan: siswa memahami pecahan.', 'Langkah 1: apersepsi.');
    const mentor = new Y.Doc();
    sync(teacher, mentor);
    const saved = Y.encodeStateAsUpdate(teacher);
    typeInto(teacher, 1, 21, ' Langkah 2: diskusi.');
    sync(teacher, mentor);

    // The co-teacher goes offline and adds a word; meanwhile the teacher restores the saved version.
    typeInto(mentor, 0, 30, ' senilai');
    restoreVersion(teacher, versionDocument(saved));
    expect(draftPlainText(teacher)).toBe('Tujuan: siswa memahami pecahan.\nLangkah 1: apersepsi.');

    sync(teacher, mentor);
    const merged = 'Tujuan: siswa memahami pecahan senilai.\nLangkah 1: apersepsi.';
    expect(draftPlainText(teacher)).toBe(merged);
    expect(draftPlainText(mentor)).toBe(merged);
  });

  it('restoring what is already there changes nothing', () => {
    const teacher = draftWith('Sama saja.');
    const updates: Uint8Array[] = [];
    teacher.on('update', (update: Uint8Array) => updates.push(update));
    restoreVersion(teacher, currentDocument(teacher));
    expect(updates).toEqual([]);
  });

  it('a state survives its trip through base64 (the API envelope)', () => {
    const state = Y.encodeStateAsUpdate(draftWith('Isi yang cukup panjang. '.repeat(5000)));
    expect(base64ToBytes(bytesToBase64(state))).toEqual(state);
    expect(bytesToBase64(state)).toBe(Buffer.from(state).toString('base64'));
  });
});
