/**
 * What versions cost on disk: 50 versions of a ~1 MB draft in a real SQLite file, stored raw, stored
 * gzip-compressed (small edits between versions), and compressed with unchanged content stored once.
 * Prints the figures (they go in the closing note) and checks the choice pays off.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME } from '../../server/storage/sqlite/database';
import { openSqliteStorage } from '../../server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../server/storage/storage';
import { saveVersion } from '../../server/versions/version-service';
import { draftFragment } from '../../shared/model/draft-doc';

const VERSIONS = 50;
const words = (
  'siswa guru pecahan senilai membandingkan kelompok diskusi lembar kerja gambar soal cerita ' +
  'pembelajaran tujuan asesmen refleksi langkah kegiatan inti penutup apersepsi media contoh jawaban benar ' +
  'salah petunjuk waktu menit kelas lima berpikir kritis bernalar kreatif mandiri gotong royong'
).split(' ');

/** Text that compresses like prose: words from a teaching vocabulary in a pseudo-random order. */
function prose(length: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const word = words[state % words.length] as string;
    out.push(word);
    size += word.length + 1;
  }
  return `${out.join(' ')}.`;
}

function megabyteDraft(): Y.Doc {
  const doc = new Y.Doc();
  const paragraphs: Y.XmlElement[] = [];
  for (let index = 0; index < 1_700; index++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(prose(600, index + 1))]);
    paragraphs.push(paragraph);
  }
  draftFragment(doc).push(paragraphs);
  return doc;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function measure(
  store: (storage: Storage, doc: Y.Doc, index: number) => Promise<void>,
  edit: boolean,
): Promise<{ bytes: number; state: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-version-cost-'));
  dirs.push(dataDir);
  const fileSize = () => statSync(join(dataDir, SQLITE_FILE_NAME)).size;
  let storage = openSqliteStorage({ dataDir, synchronous: 'NORMAL' });
  await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
  await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul besar', ownerId: 'user-sari' });
  await storage.close();
  const before = fileSize();
  storage = openSqliteStorage({ dataDir, synchronous: 'NORMAL' });
  const doc = megabyteDraft();
  for (let index = 0; index < VERSIONS; index++) {
    if (edit) {
      const paragraph = draftFragment(doc).get(index * 7) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, `Revisi ${index}: `);
    }
    await store(storage, doc, index);
  }
  await storage.close(); // checkpoints the WAL into the file
  return { bytes: fileSize() - before, state: Y.encodeStateAsUpdate(doc).byteLength };
}

const viaService = (storage: Storage, doc: Y.Doc) =>
  saveVersion(
    { versions: storage.versions, readDocument: async (_name, read) => read(doc) },
    { draftId: 'draft-0001', kind: 'manual', name: 'Versi', createdBy: { id: 'user-sari', name: 'Bu Sari' } },
  ).then(() => undefined);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('what 50 versions of a 1 MB draft cost on disk', () => {
  it('compressed they take a fraction of raw copies, and unchanged content is stored once', async () => {
    const raw = await measure(async (storage, doc, index) => {
      const state = Y.encodeStateAsUpdate(doc);
      await storage.versions.createVersion({
        id: `v-raw-${String(index).padStart(4, '0')}`,
        draftId: 'draft-0001',
        name: 'Versi',
        kind: 'manual',
        fromStage: null,
        toStage: null,
        restoredFrom: null,
        createdBy: 'user-sari',
        createdByName: 'Bu Sari',
        byteSize: state.byteLength,
        contentHash: `raw-${index}`,
        state,
        feedbackOpen: 0,
        feedbackResolved: 0,
      });
    }, true);
    const compressed = await measure(viaService, true);
    const unchanged = await measure(viaService, false);
    console.log(
      [
        `versions cost (50 versions of a ${mb(raw.state)} Yjs state, SQLite file growth):`,
        `  raw copies, an edit between each:        ${mb(raw.bytes)}`,
        `  gzip, an edit between each:              ${mb(compressed.bytes)}`,
        `  gzip + dedupe, content unchanged:        ${mb(unchanged.bytes)}`,
      ].join('\n'),
    );
    expect(raw.state).toBeGreaterThan(1_000_000);
    expect(raw.bytes).toBeGreaterThan(VERSIONS * raw.state * 0.95);
    expect(compressed.bytes).toBeLessThan(raw.bytes / 2);
    // One compressed copy plus 49 rows of metadata.
    expect(unchanged.bytes).toBeLessThan(compressed.bytes / 20);
  }, 120_000);
});
