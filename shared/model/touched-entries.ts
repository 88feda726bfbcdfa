/**
 * Which top-level entries of a document a transaction changed: per root type, the keys of its map
 * part and whether its list part changed. Whatever changes deep inside an entry (a reply in a
 * thread's comment list) counts for that entry, so a check reads only what an update touched.
 */
import * as Y from 'yjs';

export interface TouchedRoot {
  /** Keys of the root's map part that changed (set, replaced, deleted, or changed inside). */
  readonly keys: Set<string>;
  /** Whether the root's list part changed. */
  list: boolean;
}

/** Root type name → what of it changed. Throws for a change it cannot place (nothing honest makes one). */
export function touchedEntries(transaction: Y.Transaction): Map<string, TouchedRoot> {
  const touched = new Map<string, TouchedRoot>();
  const entryOf = (name: string) => {
    let entry = touched.get(name);
    if (!entry) {
      entry = { keys: new Set(), list: false };
      touched.set(name, entry);
    }
    return entry;
  };
  for (const [type, subs] of transaction.changed) {
    if (type._item === null) {
      const entry = entryOf(Y.findRootTypeKey(type));
      for (const sub of subs) {
        if (sub === null) entry.list = true;
        else entry.keys.add(sub);
      }
      continue;
    }
    // Climb to the item that sits directly in a root type: that is the entry.
    let item: Y.Item = type._item;
    for (let parent = item.parent; ; parent = item.parent) {
      if (!(parent instanceof Y.AbstractType)) throw new Error('a change under an unknown parent');
      if (parent._item === null) break;
      item = parent._item;
    }
    const entry = entryOf(Y.findRootTypeKey(item.parent as Y.AbstractType<unknown>));
    if (item.parentSub === null) entry.list = true;
    else entry.keys.add(item.parentSub);
  }
  return touched;
}
