/**
 * What of a discarded local copy is offered back to the user, per document: the draft's text, or
 * the feedback written in it; and what of that the server's copy does not have.
 */
import type * as Y from 'yjs';
import { readThreads } from '../../shared/mentoring/threads';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import type { RoomKind } from '../../shared/protocol/rooms';

export interface LocalCopyText {
  /** The document as text a person can read and paste elsewhere. */
  read(doc: Y.Doc): string;
  /** What of `local` the server's copy (`server`) lacks; null when it has all of it. */
  unsaved(local: string, server: string): string | null;
}

export const contentCopyText: LocalCopyText = {
  read(doc) {
    try {
      return draftPlainText(doc);
    } catch (error) {
      // Content the schema cannot read is still the user's work: hand it over as raw markup.
      console.error('dampingi: could not read the refused draft as text', error);
      return draftFragment(doc).toString();
    }
  },
  // A draft is one text: either the server reads the same, or the whole local text is offered.
  unsaved: (local, server) => (local === server ? null : local),
};

const BLOCK_SEPARATOR = '\n\n';

export const feedbackCopyText: LocalCopyText = {
  read(doc) {
    const blocks: string[] = [];
    for (const thread of readThreads(doc).threads) {
      thread.comments.forEach((comment, index) => {
        if (comment.deleted) return;
        const quoted = index === 0 ? `“${thread.anchor.quote}” — ` : '';
        const suggested = index === 0 && thread.suggestion ? ` → ${thread.suggestion}` : '';
        blocks.push(`${quoted}${comment.body}${suggested}`);
      });
    }
    return blocks.join(BLOCK_SEPARATOR);
  },
  // Feedback is many comments: offer only those the server does not have.
  unsaved(local, server) {
    const saved = new Set(server.split(BLOCK_SEPARATOR));
    const missing = local.split(BLOCK_SEPARATOR).filter((block) => block.trim() !== '' && !saved.has(block));
    return missing.length > 0 ? missing.join(BLOCK_SEPARATOR) : null;
  },
};

export function localCopyText(kind: RoomKind): LocalCopyText {
  return kind === 'mentoring' ? feedbackCopyText : contentCopyText;
}
