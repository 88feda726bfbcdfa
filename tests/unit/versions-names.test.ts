/** What the versions list calls each version, and how a refused or failed request reads, in Bahasa Indonesia and English. */
import { describe, expect, it } from 'vitest';
import { versionFailure, versionName } from '../../extension/app/versions/version-names';
import { createTranslator } from '../../shared/i18n';
import type { VersionInfo } from '../../shared/versions/version-schema';

const base: VersionInfo = {
  id: 'v-aaaaaaaa',
  name: 'Sebelum revisi',
  kind: 'manual',
  fromStage: null,
  toStage: null,
  restoredFrom: null,
  createdBy: { id: 'user-sari', name: 'Bu Sari' },
  createdAt: '2026-11-23T08:00:00.000Z',
  byteSize: 10,
  sameAs: null,
  feedback: { open: 0, resolved: 0 },
};
const atStage: VersionInfo = {
  ...base,
  id: 'v-bbbbbbbb',
  name: null,
  kind: 'stage',
  fromStage: 'design',
  toStage: 'try-out',
};
const restore: VersionInfo = { ...base, id: 'v-cccccccc', name: null, kind: 'restore', restoredFrom: 'v-aaaaaaaa' };
const all = [restore, atStage, base];

describe('names of versions', () => {
  it('a named version keeps its name; automatic ones are named from the stage they preceded or the restore', () => {
    const t = createTranslator('id');
    expect(versionName(base, all, t)).toBe('Sebelum revisi');
    expect(versionName(atStage, all, t)).toBe('Sebelum Uji coba terbatas');
    expect(versionName(restore, all, t)).toBe('Sebelum memulihkan “Sebelum revisi”');
    expect(versionName(restore, [restore], t)).toBe('Sebelum memulihkan “versi yang tidak ada lagi”');
    const en = createTranslator('en');
    expect(versionName(atStage, all, en)).toBe('Before Limited try-out');
    expect(versionName(restore, all, en)).toBe('Before restoring “Sebelum revisi”');
  });

  it('a refusal and a lost connection are explained, not shown as codes', () => {
    const t = createTranslator('id');
    expect(versionFailure({ reason: 'forbidden', message: 'a viewer may not edit-content' }, t)).toBe(
      'Server menolak: hanya pemilik dan penyunting yang dapat menyimpan atau memulihkan versi.',
    );
    expect(versionFailure({ reason: 'network', message: 'fetch failed' }, t)).toContain('Server tidak terjangkau.');
  });
});
