/** The one list of Tiptap extensions that defines a draft's document schema (editor, background, server). */
import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { AudienceAttribute } from './audience';
import { ClipNode } from './clip-node';

/** Name of the Y.XmlFragment holding a draft's content (Tiptap Collaboration's default field). */
export const DRAFT_CONTENT_FIELD = 'default';

const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'];

export function draftExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo that only undoes the local user's changes.
      undoRedo: false,
      // Its trailing paragraph reacts to remote changes too, so a read-only reader would write:
      // the editor adds its own, for local edits only (extension/app/editor-core/local-trailing-node.ts).
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ALLOWED_LINK_PROTOCOLS,
        isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url.trim()),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    Image.configure({ allowBase64: true }),
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    ClipNode,
    // Teacher-only headings and prompts (./audience.ts): an optional attribute, stored drafts stay valid.
    AudienceAttribute,
  ];
}

let cachedSchema: Schema | null = null;

/** The ProseMirror schema of a draft; built once. */
export function draftSchema(): Schema {
  cachedSchema ??= getSchema(draftExtensions());
  return cachedSchema;
}
