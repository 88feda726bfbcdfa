/**
 * Marks a comparison in the read-only view of the newer document: added text underlined in green
 * (`<ins>`), removed text struck through in red (`<del>`) as a widget at the place it was.
 * Decorations only: the document shown is the newer version as it is.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DocumentDiff, RemovedPiece } from '../../../shared/versions/version-diff';

export interface VersionChangesOptions {
  diff: DocumentDiff | null;
  /** Tooltips of the marks, in the UI language. */
  labels: { added: string; removed: string };
}

export function changeDecorations(
  doc: ProseMirrorNode,
  diff: DocumentDiff,
  labels: VersionChangesOptions['labels'],
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const range of diff.added) {
    decorations.push(
      Decoration.inline(range.from, range.to, { nodeName: 'ins', class: 'version-added', title: labels.added }),
    );
    // Pictures and other leaves show no text: mark the node itself.
    doc.nodesBetween(range.from, range.to, (node, pos) => {
      if (node.isLeaf && !node.isText && pos >= range.from && pos + node.nodeSize <= range.to) {
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'version-added-node' }));
      }
    });
  }
  diff.removed.forEach((piece, index) => {
    const inline = doc.resolve(piece.at).parent.inlineContent;
    decorations.push(
      Decoration.widget(piece.at, (view) => removedElement(view.dom.ownerDocument, piece, inline, labels.removed), {
        side: -1,
        key: `removed-${index}-${piece.from}`,
        ignoreSelection: true,
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

function removedElement(document: Document, piece: RemovedPiece, inline: boolean, label: string): HTMLElement {
  if (!piece.multiBlock || inline) {
    const del = document.createElement('del');
    del.className = piece.multiBlock ? 'version-removed version-removed-lines' : 'version-removed';
    del.title = label;
    del.textContent = piece.text;
    return del;
  }
  const block = document.createElement('div');
  block.className = 'version-removed-block';
  block.contentEditable = 'false';
  for (const line of piece.text.split('\n')) {
    if (line.trim() === '') continue;
    const paragraph = document.createElement('p');
    const del = document.createElement('del');
    del.className = 'version-removed';
    del.title = label;
    del.textContent = line;
    paragraph.append(del);
    block.append(paragraph);
  }
  return block;
}

export const VersionChanges = Extension.create<VersionChangesOptions>({
  name: 'versionChanges',
  addOptions() {
    return { diff: null, labels: { added: '', removed: '' } };
  },
  addProseMirrorPlugins() {
    const { diff, labels } = this.options;
    return [
      new Plugin({
        key: new PluginKey('versionChanges'),
        state: {
          init: (_config, state) => (diff ? changeDecorations(state.doc, diff, labels) : DecorationSet.empty),
          apply: (transaction, set) => set.map(transaction.mapping, transaction.doc),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});
