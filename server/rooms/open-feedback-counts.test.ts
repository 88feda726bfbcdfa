/** Open feedback counts for the draft list: from the open room, else storage; cached until the room stores again. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, setThreadStatus } from '../../shared/feedback/feedback-doc';
import type { StoredDocument } from '../storage/storage';
import { OpenFeedbackCounts } from './open-feedback-counts';
import { deferred, silentLogger } from './room-test-support';

const anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: '', suffix: '' };
const mentor = { id: 'u-budi', name: 'Pak Budi' };
const DRAFT = 'draft-0001';

function feedbackDoc(open: number, resolved = 0): Y.Doc {
  const doc = new Y.Doc();
  for (let index = 0; index < open + resolved; index += 1) {
    const id = addThread(doc, { kind: 'question', anchor, body: `Pertanyaan ${index}` }, mentor);
    if (index >= open) setThreadStatus(doc, id, 'resolved', 'u-sari');
  }
  return doc;
}

function storing(doc: Y.Doc | null) {
  const loads: string[] = [];
  const documents = {
    stored: doc,
    gate: Promise.resolve(),
    async loadDocument(name: string): Promise<StoredDocument | null> {
      loads.push(name);
      const current = documents.stored;
      await documents.gate;
      return current ? { snapshot: Y.encodeStateAsUpdate(current), updates: [] } : null;
    },
  };
  return { documents, loads };
}

describe('open feedback counts', () => {
  it('counts open threads from storage once, then from the cache until the feedback room stores an update', async () => {
    const { documents, loads } = storing(feedbackDoc(2, 1));
    const counts = new OpenFeedbackCounts({ documents, openRoom: () => null, logger: silentLogger });
    expect(await counts.count(DRAFT)).toBe(2);
    expect(await counts.count(DRAFT)).toBe(2);
    expect(loads).toEqual(['draft-0001.feedback']);

    documents.stored = feedbackDoc(3);
    counts.stored('draft-0001'); // the content room: no effect on the count
    expect(await counts.count(DRAFT)).toBe(2);
    counts.stored('draft-0001.feedback');
    expect(await counts.count(DRAFT)).toBe(3);
    expect(loads).toHaveLength(2);
  });

  it('a draft without feedback counts 0; a loaded room is read instead of storage', async () => {
    const { documents, loads } = storing(null);
    const open = feedbackDoc(4);
    const counts = new OpenFeedbackCounts({
      documents,
      openRoom: (name) => (name === 'room-0002.feedback' ? { readDocument: (read) => read(open) } : null),
      logger: silentLogger,
    });
    expect(await counts.count(DRAFT)).toBe(0);
    expect(await counts.count('room-0002')).toBe(4);
    expect(loads).toEqual(['draft-0001.feedback']);
  });

  it('a count read from storage while the room stored an update is returned but not cached', async () => {
    const { documents } = storing(feedbackDoc(1));
    const gate = deferred();
    documents.gate = gate.promise;
    const counts = new OpenFeedbackCounts({ documents, openRoom: () => null, logger: silentLogger });
    const first = counts.count(DRAFT);
    documents.stored = feedbackDoc(2);
    counts.stored('draft-0001.feedback');
    gate.resolve();
    expect(await first).toBe(1);
    expect(await counts.count(DRAFT)).toBe(2);
  });

  it('an unreadable document counts 0 and is tried again next time', async () => {
    let fail = true;
    const counts = new OpenFeedbackCounts({
      documents: {
        async loadDocument() {
          if (fail) throw new Error('disk on fire');
          return { snapshot: Y.encodeStateAsUpdate(feedbackDoc(1)), updates: [] };
        },
      },
      openRoom: () => null,
      logger: silentLogger,
    });
    expect(await counts.count(DRAFT)).toBe(0);
    fail = false;
    expect(await counts.count(DRAFT)).toBe(1);
  });

  it('keeps at most maxCached counts, dropping the least recently asked for', async () => {
    const { documents, loads } = storing(feedbackDoc(1));
    const counts = new OpenFeedbackCounts({ documents, openRoom: () => null, logger: silentLogger, maxCached: 2 });
    for (const id of ['draft-000a', 'draft-000b', 'draft-000a', 'draft-000c', 'draft-000a', 'draft-000b']) {
      await counts.count(id);
    }
    expect(loads.map((name) => name.slice(0, 10))).toEqual(['draft-000a', 'draft-000b', 'draft-000c', 'draft-000b']);
  });
});
