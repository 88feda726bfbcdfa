/** File names for exports, made from the draft's title: readable, safe on every system, letters kept. */

const MAX_SLUG = 80;

/**
 * "LKPD Pecahan Senilai — Kelas IV" → "lkpd-pecahan-senilai-kelas-iv". Letters of any script and
 * digits stay (é in "Ekspresi Budaya Dayak Kenyah's" too); everything else becomes one hyphen.
 */
export function slugify(title: string, fallback = 'draf'): string {
  const slug = title
    .normalize('NFC')
    .toLocaleLowerCase('id')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || fallback;
}

export type ExportFormat = 'docx' | 'html' | 'md' | 'zip';

export function exportFileName(title: string, format: ExportFormat, fallback?: string): string {
  return `${slugify(title, fallback)}.${format}`;
}
