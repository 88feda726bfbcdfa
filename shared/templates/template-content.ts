/** Turning a template's JSON into a draft's content, checked against the one draft schema. */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Language } from '../i18n';
import { draftFragment } from '../model/draft-doc';
import { draftSchema } from '../model/draft-extensions';
import type { DocumentJson, Template } from './template-schema';

/** Throws (with ProseMirror's reason) when `json` is not a valid draft document. */
export function checkDocumentJson(json: DocumentJson): void {
  draftSchema().nodeFromJSON(json).check();
}

/** The Yjs update that fills an empty draft with the template's content in `language`. */
export function templateUpdate(template: Template, language: Language): Uint8Array {
  const json = template.content[language];
  checkDocumentJson(json);
  const doc = new Y.Doc();
  try {
    prosemirrorJSONToYXmlFragment(draftSchema(), json, draftFragment(doc));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
