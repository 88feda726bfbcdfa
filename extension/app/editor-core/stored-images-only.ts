/**
 * What is pasted or dropped into a draft keeps only pictures the draft can store (data: URLs):
 * a picture copied from a web page points at that site, which every reader's browser would then
 * fetch, and the server refuses such a change (shared/model/content-images.ts). The rest of the
 * pasted text stays.
 */
import { Extension } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { isStoredImageSource } from '../../../shared/model/content-images';

function withoutForeignImages(fragment: Fragment): Fragment {
  const kept: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (node.type.name === 'image' && !isStoredImageSource(node.attrs.src)) return;
    kept.push(node.isLeaf ? node : node.copy(withoutForeignImages(node.content)));
  });
  return Fragment.from(kept);
}

export const StoredImagesOnly = Extension.create({
  name: 'storedImagesOnly',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('storedImagesOnly'),
        props: {
          transformPasted: (slice) => new Slice(withoutForeignImages(slice.content), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },
});
