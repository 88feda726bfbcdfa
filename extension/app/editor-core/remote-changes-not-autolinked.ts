/**
 * Tiptap's autolink looks at every changed range, remote ones too: a draft arriving from the server
 * or the local copy set it tokenizing (and, on a first open, building its URL scanner) before the
 * first paint (issue 21), and a URL someone else typed would make this editor add the link mark —
 * a write of its own, even for a reader who may only comment. Remote changes are marked so it skips
 * them; the writer's own typing is still autolinked, on their side.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const key = new PluginKey('dampingiRemoteChangesNotAutolinked');

function isRemoteChange(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return sync?.isChangeOrigin === true;
}

export const RemoteChangesNotAutolinked = Extension.create({
  name: 'remoteChangesNotAutolinked',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        // Runs before any plugin's appendTransaction; `preventAutolink` is the Link extension's own switch.
        filterTransaction: (transaction) => {
          if (isRemoteChange(transaction)) transaction.setMeta('preventAutolink', true);
          return true;
        },
      }),
    ];
  },
});
