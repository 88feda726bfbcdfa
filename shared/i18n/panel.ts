/**
 * The strings of the extension's own pages (popup, side panel, options): the shared, pairing and
 * clip areas only, so those pages do not load every screen's strings (issue 21). A key outside
 * them would show as the key: tests/unit/panel-messages.test.ts checks the pages use none.
 */
import * as clip from './catalogs/clip';
import * as common from './catalogs/common';
import * as pairing from './catalogs/pairing';
import type { Translate } from './index';
import type { Language } from './languages';
import { translatorFrom } from './translator';

export const panelCatalogues = {
  id: { ...common.id, ...pairing.id, ...clip.id },
  en: { ...common.en, ...pairing.en, ...clip.en },
};

export function createPanelTranslator(language: Language): Translate {
  return translatorFrom(panelCatalogues, language);
}
