import { describe, expect, it } from 'vitest';
import { createTranslator, DEFAULT_LANGUAGE } from '../../shared/i18n';
import * as clip from '../../shared/i18n/catalogs/clip';
import * as common from '../../shared/i18n/catalogs/common';
import * as editor from '../../shared/i18n/catalogs/editor';
import * as references from '../../shared/i18n/catalogs/references';
import * as sharing from '../../shared/i18n/catalogs/sharing';

const catalogues = { common, editor, sharing, clip, references };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every UI string exists in Bahasa Indonesia and English', () => {
  for (const [area, catalogue] of Object.entries(catalogues)) {
    it(`${area}: same keys, no empty text, same placeholders`, () => {
      const id: Record<string, string> = catalogue.id;
      const en: Record<string, string> = catalogue.en;
      expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
      for (const key of Object.keys(id)) {
        expect(id[key]?.trim(), `${area} id ${key}`).not.toBe('');
        expect(en[key]?.trim(), `${area} en ${key}`).not.toBe('');
        expect(placeholders(en[key] ?? ''), `${area} ${key}`).toEqual(placeholders(id[key] ?? ''));
      }
    });
  }

  it('no key is defined by two areas (one would silently hide the other)', () => {
    const seen = new Map<string, string>();
    for (const [area, catalogue] of Object.entries(catalogues)) {
      for (const key of Object.keys(catalogue.id)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('Bahasa Indonesia is the default language', () => {
    expect(DEFAULT_LANGUAGE).toBe('id');
  });

  it('placeholders are filled in', () => {
    const t = createTranslator('en');
    expect(t('error.network')).toMatch(/server cannot be reached/);
  });
});
