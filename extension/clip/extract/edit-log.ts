// Records clean-up's changes to a candidate so that a clean-up that went too far is undone in place: cheaper under
// jsdom than cleaning a copy of the candidate (the copy was a third of clean-up's time, and its garbage more).

export interface EditLog {
  remove(node: ChildNode): void;
  setText(node: Node, value: string): void;
  /** Puts the tree back as it was before the first change recorded. */
  undo(): void;
}

export function editLog(): EditLog {
  const undos: (() => void)[] = [];
  return {
    remove(node) {
      const parent = node.parentNode;
      const next = node.nextSibling;
      node.remove();
      // Undone last change first, so `next` is back in place when `node` goes before it.
      if (parent) undos.push(() => parent.insertBefore(node, next));
    },
    setText(node, value) {
      const before = node.nodeValue;
      node.nodeValue = value;
      undos.push(() => {
        node.nodeValue = before;
      });
    },
    undo() {
      for (const undo of undos.reverse()) undo();
      undos.length = 0;
    },
  };
}
