/**
 * A version's content as the editor's document, and restoring it: the live content document is
 * changed to the version's content as one new change on top (y-prosemirror's own minimal update of
 * the Y.XmlFragment, the same the editor binding runs for `setContent`), so history is never
 * rewritten and edits made elsewhere meanwhile still merge.
 */
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { draftFragment } from '../model/draft-doc';
import { draftSchema } from '../model/draft-extensions';

/** Transaction origin of a restore, so listeners can tell it from typing. */
export const RESTORE_ORIGIN = 'version-restore';

/** The document a version's state (`Y.encodeStateAsUpdate` of the content) holds. */
export function versionDocument(state: Uint8Array, schema: Schema = draftSchema()): ProseMirrorNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProseMirrorRootNode(draftFragment(doc), schema);
  } finally {
    doc.destroy();
  }
}

/** The live content document as it is now. */
export function currentDocument(doc: Y.Doc, schema: Schema = draftSchema()): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(draftFragment(doc), schema);
}

/** Makes the content of `doc` equal to `target`, as one transaction of new operations. */
export function restoreVersion(doc: Y.Doc, target: ProseMirrorNode): void {
  doc.transact(() => {
    updateYFragment(doc, draftFragment(doc), target, { mapping: new Map(), isOMark: new Map() });
  }, RESTORE_ORIGIN);
}
