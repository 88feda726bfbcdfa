/**
 * A large update cut at the byte level: each slice is a valid update of about the slice size, and
 * applied in order they make the same document as the whole; truncated or garbage bytes are refused.
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClientMessage, malformedUpdate } from '../../../server/rooms/sync-messages';
import { byteSliceUpdates, scanUpdate, utf16Length } from '../../../server/rooms/update-byte-slices';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { encodeStructs, intoRuns } from '../../../shared/sync/update-structs';
import { hostileMessage } from '../../integration/support/hostile-messages';

const SLICE = 16 * 1024;

/** A data URL the size of a downscaled classroom photo. */
function photo(seed: number, bytes = 40_000): string {
  return `data:image/jpeg;base64,${String.fromCharCode(65 + (seed % 26)).repeat(bytes)}`;
}

/** A teacher's offline draft: paragraphs, photos in image nodes, formatting, a map, deletions. */
function offlineDraft(clientID = 7): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const fragment = doc.getXmlFragment('default');
  for (let index = 0; index < 60; index += 1) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('align', index % 2 ? 'left' : 'center');
    paragraph.insert(0, [new Y.XmlText(`Paragraf ${index}: murid membaca pecahan — ½ dan ¼ 🍰. `.repeat(8))]);
    fragment.insert(fragment.length, [paragraph]);
    if (index % 10 === 0) {
      const image = new Y.XmlElement('image');
      image.setAttribute('src', photo(index));
      image.setAttribute('alt', `Foto ${index}`);
      fragment.insert(fragment.length, [image]);
    }
  }
  const text = doc.getText('notes');
  text.insert(0, 'Catatan guru: ');
  text.insert(text.length, 'tebal', { bold: true });
  text.insertEmbed(text.length, { image: 'x' });
  doc.getMap('meta').set('title', 'Pecahan');
  doc.getMap('meta').set('title', 'Pecahan sederhana');
  doc.getMap('meta').set('bytes', new Uint8Array([1, 2, 3]));
  doc.getArray('list').insert(0, [1, 'dua', { tiga: 3 }, null, true]);
  doc.getMap('meta').set('sub', new Y.Doc());
  fragment.delete(5, 3);
  text.delete(2, 4);
  return doc;
}

function sliced(update: Uint8Array, sliceBytes = SLICE): Uint8Array[] {
  return [...byteSliceUpdates(update, scanUpdate(update, sliceBytes), sliceBytes)];
}

/** What the room's first pass asks of each slice (scanned-commit.ts). */
function passesTheRoomsCheck(slice: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(slice);
    return malformedUpdate(structs, ds) === null;
  } catch {
    return false;
  }
}

function applyAll(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function expectSameDocument(rebuilt: Y.Doc, expected: Y.Doc): void {
  expect(rebuilt.store.pendingStructs).toBeNull();
  expect(rebuilt.store.pendingDs).toBeNull();
  expect(Buffer.from(Y.encodeStateAsUpdate(rebuilt)).equals(Y.encodeStateAsUpdate(expected))).toBe(true);
}

describe('scanUpdate and byteSliceUpdates', () => {
  it('text, XML with attributes and photos, formatting, embeds, binary, a subdocument and deletions rebuild exactly', () => {
    const doc = offlineDraft();
    const update = Y.encodeStateAsUpdate(doc);
    const slices = sliced(update);
    expect(slices.length).toBeGreaterThan(update.byteLength / (2 * SLICE));
    // A photo is one struct and may exceed a slice on its own; nothing else does.
    for (const slice of slices) expect(slice.byteLength).toBeLessThan(SLICE + 41_000);
    const rebuilt = applyAll(slices);
    expectSameDocument(rebuilt, doc);
    expect(rebuilt.getXmlFragment('default').toString()).toBe(doc.getXmlFragment('default').toString());
  });

  it("finds each client's end and the delete set as Yjs decodes them", () => {
    const doc = offlineDraft();
    const update = Y.encodeStateAsUpdate(doc);
    const scanned = scanUpdate(update, SLICE);
    const meta = Y.parseUpdateMeta(update);
    expect(scanned.ends).toEqual(meta.to);
    expect(scanned.deletes.clients).toEqual(Y.decodeUpdate(update).ds.clients);
    expect(scanned.deletionsStart).not.toBeNull();
    // The deletions come last, in a slice of their own.
    const last = sliced(update).at(-1) as Uint8Array;
    expect(Y.decodeUpdate(last).structs).toEqual([]);
  });

  it('several clients, each with its own runs, interleaved with each other, rebuild exactly', () => {
    const docs = [offlineDraft(3), offlineDraft(11)];
    const merged = Y.mergeUpdates(docs.map((doc) => Y.encodeStateAsUpdate(doc)));
    const teacher = new Y.Doc();
    Y.applyUpdate(teacher, merged);
    // A third client edits on top of both (its items point into theirs).
    const mentor = new Y.Doc();
    mentor.clientID = 99;
    Y.applyUpdate(mentor, merged);
    mentor.getXmlFragment('default').insert(2, [new Y.XmlText('Komentar mentor')]);
    mentor.getText('notes').delete(0, 3);
    const update = Y.encodeStateAsUpdate(mentor);
    expect(scanUpdate(update, SLICE).ends.size).toBe(3);
    expectSameDocument(applyAll(sliced(update)), mentor);
  });

  it('a text larger than a slice is cut into texts that fit; a photo larger than a slice stays whole', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, `Bab 1 ${'pecahan 🍰 '.repeat(20_000)}`);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', photo(1, 100_000));
    doc.getXmlFragment('default').insert(0, [image]);
    const update = Y.encodeStateAsUpdate(doc);
    const slices = sliced(update);
    expect(slices.length).toBeGreaterThan(10);
    const oversized = slices.filter((slice) => slice.byteLength > SLICE * 1.1);
    expect(oversized).toHaveLength(1);
    expect(Y.decodeUpdate(oversized[0] as Uint8Array).structs).toHaveLength(1);
    expectSameDocument(applyAll(slices), doc);
  });

  it('an update smaller than a slice is one slice holding its structs, and an empty update none', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Tumbuhan');
    const update = Y.encodeStateAsUpdate(doc);
    expect(sliced(update)).toHaveLength(1);
    expectSameDocument(applyAll(sliced(update)), doc);
    const empty = scanUpdate(new Uint8Array([0, 0]), SLICE);
    expect(empty.slices).toEqual([]);
    expect(empty.deletionsStart).toBeNull();
  });

  it("a text's length in UTF-16 units is counted from its bytes as Yjs decodes them, and bytes that are not UTF-8 are refused", () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text)),
          fc.uint8Array(),
        ),
        (bytes) => {
          let expected: number | null;
          try {
            expected = decoder.decode(bytes).length;
          } catch {
            expected = null;
          }
          if (expected === null) expect(() => utf16Length(bytes)).toThrow('not UTF-8');
          else expect(utf16Length(bytes)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
    expect(utf16Length(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe(2); // a BOM is kept
  });

  describe('hostile bytes', () => {
    const valid = Y.encodeStateAsUpdate(offlineDraft());

    it('every truncation of an update is refused with an error', () => {
      const small = new Y.Doc();
      small.getText('t').insert(0, 'Daun');
      small.getMap('m').set('foto', photo(2, 50));
      small.getText('t').delete(1, 1);
      const update = Y.encodeStateAsUpdate(small);
      for (let end = 0; end < update.byteLength; end += 1) {
        expect(() => scanUpdate(update.slice(0, end), SLICE), `cut at ${end}`).toThrow(Error);
      }
      for (const end of [1, 1000, valid.byteLength >> 1, valid.byteLength - 1]) {
        expect(() => scanUpdate(valid.slice(0, end), SLICE)).toThrow(Error);
      }
    });

    it('trailing bytes, unknown content and type refs, empty structs and empty deletions are refused', () => {
      expect(() => scanUpdate(new Uint8Array([...valid, 0]), SLICE)).toThrow('trailing bytes');
      const oneStruct = (info: number, ...rest: number[]) => new Uint8Array([1, 1, 5, 0, info, ...rest, 0]);
      // info 11–31: no such content; 10 with other bits set: a Skip's ref is not an item's content.
      expect(() => scanUpdate(oneStruct(0x80 | 11, 1, 0, 0), SLICE)).toThrow('unknown content ref 11');
      expect(() => scanUpdate(oneStruct(0x80 | 10, 1, 0, 0), SLICE)).toThrow('unknown content ref 10');
      // ContentType (7) with type ref 9, parent given by name ('t').
      expect(() => scanUpdate(oneStruct(7, 1, 1, 116, 9), SLICE)).toThrow('unknown type ref 9');
      // A GC of length 0, a Skip of length 0, a deleted item of length 0.
      expect(() => scanUpdate(oneStruct(0, 0), SLICE)).toThrow('length 0');
      expect(() => scanUpdate(oneStruct(10, 0), SLICE)).toThrow('length 0');
      expect(() => scanUpdate(oneStruct(0x80 | 1, 1, 0, 0), SLICE)).toThrow('length 0');
      // No structs; one client deleting clock 3, length 0.
      expect(() => scanUpdate(new Uint8Array([0, 1, 5, 1, 3, 0]), SLICE)).toThrow('deletion range of length 0');
      // A clock past the safe integers.
      const far = encoding.createEncoder();
      for (const value of [1, 2, 5, Number.MAX_SAFE_INTEGER - 1]) encoding.writeVarUint(far, value);
      for (const value of [0, 5, 0, 5]) encoding.writeUint8(far, value); // two GCs of length 5
      encoding.writeVarUint(far, 0);
      expect(() => scanUpdate(encoding.toUint8Array(far), SLICE)).toThrow('safe integers');
    });

    it('a client named in two groups is refused: Yjs, applying such an update, keeps only its last group', () => {
      // Two groups of client 5: a GC of length 2 at clock 0, then one at clock 2; no deletions.
      const twice = new Uint8Array([2, 1, 5, 0, 0, 2, 1, 5, 2, 0, 2, 0]);
      expect(() => scanUpdate(twice, SLICE)).toThrow('client 5 in two groups');
      const once = new Uint8Array([1, 2, 5, 0, 0, 2, 0, 2, 0]);
      expect(scanUpdate(once, SLICE).ends).toEqual(new Map([[5, 4]]));
    });

    it('a count that lies (more structs than bytes) is refused, not looped over', () => {
      const liar = encoding.createEncoder();
      for (const value of [1, Number.MAX_SAFE_INTEGER, 5, 0]) encoding.writeVarUint(liar, value);
      const started = performance.now();
      expect(() => scanUpdate(encoding.toUint8Array(liar), SLICE)).toThrow(Error);
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('hostile messages scanned and sliced are refused as invalid, or rebuild what Yjs decodes from them whole', () => {
      fc.assert(
        fc.property(hostileMessage, ({ bytes }) => {
          // A slice size of 8 bytes: every update is scanned and cut into many slices.
          const scanned = decodeClientMessage(bytes, 1 << 20, 8);
          const whole = decodeClientMessage(bytes, 1 << 20);
          if (!scanned.ok) {
            expect(scanned.closeCode).toBe(CloseCode.InvalidMessage);
            return;
          }
          const { message } = scanned;
          if (message.type !== 'sync-update' && message.type !== 'sync-step2') return;
          const { update } = message;
          if (!update.scanned) return; // within a slice: decoded whole as ever
          // The room decodes and checks each slice before storing any (a JSON value is only parsed
          // then): together as strict as decoding whole, never looser.
          const slices = [...byteSliceUpdates(update.bytes, update.scanned, 8)];
          expect(slices.every(passesTheRoomsCheck)).toBe(whole.ok);
          if (!whole.ok || whole.message.type !== message.type) return;
          const expected = whole.message.update;
          expect(update.ends).toEqual(expected.ends);
          expect(update.deletes.clients).toEqual(expected.deletes.clients);
          const rebuilt = new Y.Doc();
          const reference = new Y.Doc();
          try {
            Y.applyUpdate(reference, expected.bytes);
          } catch {
            return; // Yjs refuses it when applied whole: the room closes the sender either way
          }
          for (const slice of slices) Y.applyUpdate(rebuilt, slice);
          expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(reference));
        }),
        { numRuns: 3000 },
      );
    });
  });

  it('structs written back by Yjs and cut by bytes agree on every run (a slice is a valid update on its own)', () => {
    const doc = offlineDraft();
    const update = Y.encodeStateAsUpdate(doc);
    const structs = Y.decodeUpdate(update).structs;
    const reencoded = encodeStructs(intoRuns(structs));
    for (const slice of sliced(reencoded)) expect(() => Y.decodeUpdate(slice)).not.toThrow();
    expect(sliced(reencoded).reduce((sum, slice) => sum + Y.decodeUpdate(slice).structs.length, 0)).toBe(
      structs.length,
    );
  });
});
