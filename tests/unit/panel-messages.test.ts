/**
 * The popup, side panel and options page load only the shared, pairing and clip strings
 * (shared/i18n/panel.ts). Every message key their code names — followed through its imports from
 * the three entries — must be among those, or the page would show the bare key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../shared/i18n';
import { panelCatalogues } from '../../shared/i18n/panel';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRIES = [
  'extension/entrypoints/popup/main.tsx',
  'extension/entrypoints/sidepanel/main.tsx',
  'extension/entrypoints/options/main.tsx',
];
const AREAS = import.meta.glob<{ id: Record<string, string> }>('../../shared/i18n/catalogs/*.ts', { eager: true });
const IMPORT = /(?:from|import)\s*\(?\s*'(\.[^']+)'/g;

function resolveImport(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The source files the pages' entries reach through relative imports (type-only ones included). */
function pageSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = resolveImport(file, match[1] ?? '');
      if (next) visit(next);
    }
  };
  for (const entry of ENTRIES) visit(join(ROOT, entry));
  // The catalogues themselves name every key; they are not code that shows one.
  return [...seen].filter((file) => !file.includes('/shared/i18n/'));
}

describe('the extension pages’ strings', () => {
  const sources = pageSources().map((file) => readFileSync(file, 'utf8'));
  const panel = new Set(Object.keys(panelCatalogues.id));

  it('reach the clip panel, the options page and the frame', () => {
    expect(sources.some((code) => code.includes('export function ClipPanel'))).toBe(true);
    expect(sources.some((code) => code.includes('export function OptionsPage'))).toBe(true);
  });

  it('include every key their code names', () => {
    const named = new Set(
      sources.flatMap((code) => [...code.matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/gi)].map((match) => match[1] ?? '')),
    );
    const keys = [...named].filter((name) => hasMessage('id', name));
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !panel.has(key))).toEqual([]);
  });

  it('include every key a template names by its prefix (error.<reason>)', () => {
    const prefixes = new Set(
      sources.flatMap((code) => [...code.matchAll(/`([a-z][\w.-]*\.)\$\{/gi)].map((m) => m[1] ?? '')),
    );
    expect(prefixes.size).toBeGreaterThan(0);
    const all = Object.values(AREAS).flatMap((area) => Object.keys(area.id));
    for (const prefix of prefixes) {
      expect(
        all.filter((key) => key.startsWith(prefix) && !panel.has(key)),
        prefix,
      ).toEqual([]);
    }
  });
});
