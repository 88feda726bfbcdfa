/** What a new draft holds before anyone types: the content of the template it was created from. */
import * as Y from 'yjs';
import type { Language } from '../../../shared/i18n';
import { draftPlainText } from '../../../shared/model/draft-doc';
import { builtinTemplate } from '../../../shared/templates/builtin-templates';
import { templateUpdate } from '../../../shared/templates/template-content';

function templateDoc(templateId: string, language: Language): Y.Doc {
  const template = builtinTemplate(templateId);
  if (!template) throw new Error(`no built-in template ${templateId}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateUpdate(template, language));
  return doc;
}

/** The draft's plain text (shared/model/draft-doc.ts) right after creation. */
export function startingText(templateId: string, language: Language = 'id'): string {
  const doc = templateDoc(templateId, language);
  try {
    return draftPlainText(doc);
  } finally {
    doc.destroy();
  }
}
