/**
 * An offline backlog cut into parts that each stand on their own: applied one by one to the
 * server's copy, no part ever waits for a later one (nothing pending), and together they give the
 * writer's document — whatever the writer did offline, across reloads (new client ids) and
 * alongside a mentor's concurrent edits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backlogParts } from '../../shared/sync/backlog-parts';

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'note'; key: string; value: string }
  | { kind: 'reload' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 300 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('note' as const), key: fc.constantFrom('a', 'b', 'c', 'd'), value: fc.string() }),
  fc.constant({ kind: 'reload' as const }),
);

/** The writer's document after the edits; a reload continues in a new Y.Doc with a new client id. */
function writeOffline(start: Y.Doc, edits: readonly Edit[]): Y.Doc {
  let doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(start));
  for (const step of edits) {
    const text = doc.getText('isi');
    switch (step.kind) {
      case 'insert':
        text.insert(step.at % (text.length + 1), step.text);
        break;
      case 'delete':
        if (text.length > 0)
          text.delete(step.at % text.length, Math.min(step.length, text.length - (step.at % text.length)));
        break;
      case 'note': {
        const note = new Y.Map<string>();
        doc.getMap<Y.Map<string>>('catatan').set(step.key, note);
        note.set('isi', step.value);
        break;
      }
      case 'reload': {
        const next = new Y.Doc();
        Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
        doc = next;
      }
    }
  }
  return doc;
}

describe('an offline backlog in parts that stand on their own', () => {
  it('each part applies at once on the server (nothing pending), and all parts give the writer’s document', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 60 }), fc.array(edit, { maxLength: 20 }), (teacherEdits, mentorEdits) => {
        const server = new Y.Doc();
        server.getText('isi').insert(0, 'Bahan ajar fotosintesis. ');
        const teacher = writeOffline(server, teacherEdits);
        // The mentor edits online meanwhile: the server has it, the teacher does not.
        const mentor = writeOffline(server, mentorEdits);
        Y.applyUpdate(server, Y.encodeStateAsUpdate(mentor));
        const { parts } = backlogParts(teacher, Y.encodeStateVector(server), 256);
        for (const part of parts) {
          Y.applyUpdate(server, part);
          expect(server.store.pendingStructs).toBeNull();
          expect(server.store.pendingDs).toBeNull();
        }
        // The server now has everything the teacher has; merged with the mentor's.
        Y.applyUpdate(teacher, Y.encodeStateAsUpdate(mentor));
        expect(server.getText('isi').toString()).toBe(teacher.getText('isi').toString());
        expect(server.getMap('catatan').toJSON()).toEqual(teacher.getMap('catatan').toJSON());
      }),
      { numRuns: 150 },
    );
  });

  it('a 5 MB backlog goes in parts of about the size asked, and a cut halfway resends only what is missing', () => {
    const server = new Y.Doc();
    const teacher = new Y.Doc();
    for (let index = 0; index < 500; index += 1)
      teacher.getText('isi').insert(0, `Paragraf ${index}: ${'kata '.repeat(2000)}\n`);
    const first = backlogParts(teacher, Y.encodeStateVector(server), 256 * 1024);
    expect(first.parts.length).toBeGreaterThan(15);
    expect(Math.max(...first.parts.map((part) => part.byteLength))).toBeLessThan(300 * 1024);
    const half = Math.floor(first.parts.length / 2);
    for (const part of first.parts.slice(0, half)) Y.applyUpdate(server, part);
    const rest = backlogParts(teacher, Y.encodeStateVector(server), 256 * 1024);
    expect(rest.totalBytes).toBeLessThan(first.totalBytes * 0.6);
    for (const part of rest.parts) Y.applyUpdate(server, part);
    expect(server.getText('isi').toString()).toBe(teacher.getText('isi').toString());
  });
});
