/**
 * UI strings in Bahasa Indonesia (default) and English. Each area keeps its own catalogue file in
 * ./catalogs; every catalogue's `en` is typed against its `id`, so a missing translation fails tsc.
 */
import * as account from './catalogs/account';
import * as admin from './catalogs/admin';
import * as clip from './catalogs/clip';
import * as common from './catalogs/common';
import * as cycle from './catalogs/cycle';
import * as editor from './catalogs/editor';
import * as exportCatalog from './catalogs/export';
import * as feedback from './catalogs/feedback';
import * as importing from './catalogs/import';
import * as observation from './catalogs/observation';
import * as overview from './catalogs/overview';
import * as pairing from './catalogs/pairing';
import * as references from './catalogs/references';
import * as share from './catalogs/share';
import * as sharing from './catalogs/sharing';
import * as signin from './catalogs/signin';
import * as templates from './catalogs/templates';
import * as versions from './catalogs/versions';
import type { Language } from './languages';
import { translatorFrom } from './translator';

export { DEFAULT_LANGUAGE, isLanguage, type Language, languages } from './languages';

const catalogues = {
  id: {
    ...common.id,
    ...editor.id,
    ...sharing.id,
    ...signin.id,
    ...account.id,
    ...admin.id,
    ...pairing.id,
    ...clip.id,
    ...references.id,
    ...feedback.id,
    ...cycle.id,
    ...observation.id,
    ...overview.id,
    ...templates.id,
    ...versions.id,
    ...importing.id,
    ...exportCatalog.id,
    ...share.id,
  },
  en: {
    ...common.en,
    ...editor.en,
    ...sharing.en,
    ...signin.en,
    ...account.en,
    ...admin.en,
    ...pairing.en,
    ...clip.en,
    ...references.en,
    ...feedback.en,
    ...cycle.en,
    ...observation.en,
    ...overview.en,
    ...templates.en,
    ...versions.en,
    ...importing.en,
    ...exportCatalog.en,
    ...share.en,
  },
};

export type MessageKey = keyof typeof catalogues.id;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: Language): Translate {
  return translatorFrom(catalogues, language);
}

export function hasMessage(language: Language, key: string): boolean {
  return key in catalogues[language];
}
