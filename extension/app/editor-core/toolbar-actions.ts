/**
 * What each toolbar button does to the editor. Links and images ask for a URL with the browser's
 * prompt; only http(s) (and mailto for links) is accepted. Pictures from the device go through
 * ./device-pictures.ts. The table items show only while the caret is in a table.
 */
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { MessageKey, Translate } from '../../../shared/i18n';
import { insertPictureFiles, type PictureDialogs } from './device-pictures';
import { IMAGE_PROTOCOLS, LINK_PROTOCOLS, parseUrlInput } from './url-input';

export type ToolbarItemId =
  | 'bold'
  | 'italic'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'taskList'
  | 'link'
  | 'image'
  | 'deviceImage'
  | 'table'
  | 'tableRowBefore'
  | 'tableRowAfter'
  | 'tableColumnBefore'
  | 'tableColumnAfter'
  | 'tableDeleteRow'
  | 'tableDeleteColumn'
  | 'tableHeaderRow'
  | 'tableDelete'
  | 'undo'
  | 'redo';

export interface ToolbarItem {
  id: ToolbarItemId;
  label: MessageKey;
  /** Toggles show their state with aria-pressed; actions (insert, undo) have none. */
  toggle: boolean;
  group: 'text' | 'blocks' | 'insert' | 'table' | 'history';
}

export const toolbarItems: readonly ToolbarItem[] = [
  { id: 'bold', label: 'editor.toolbar.bold', toggle: true, group: 'text' },
  { id: 'italic', label: 'editor.toolbar.italic', toggle: true, group: 'text' },
  { id: 'link', label: 'editor.toolbar.link', toggle: true, group: 'text' },
  { id: 'heading1', label: 'editor.toolbar.heading1', toggle: true, group: 'blocks' },
  { id: 'heading2', label: 'editor.toolbar.heading2', toggle: true, group: 'blocks' },
  { id: 'heading3', label: 'editor.toolbar.heading3', toggle: true, group: 'blocks' },
  { id: 'bulletList', label: 'editor.toolbar.bulletList', toggle: true, group: 'blocks' },
  { id: 'orderedList', label: 'editor.toolbar.orderedList', toggle: true, group: 'blocks' },
  { id: 'taskList', label: 'editor.toolbar.taskList', toggle: true, group: 'blocks' },
  { id: 'image', label: 'editor.toolbar.image', toggle: false, group: 'insert' },
  { id: 'deviceImage', label: 'editor.toolbar.deviceImage', toggle: false, group: 'insert' },
  { id: 'table', label: 'editor.toolbar.table', toggle: false, group: 'insert' },
  { id: 'tableRowBefore', label: 'editor.toolbar.tableRowBefore', toggle: false, group: 'table' },
  { id: 'tableRowAfter', label: 'editor.toolbar.tableRowAfter', toggle: false, group: 'table' },
  { id: 'tableColumnBefore', label: 'editor.toolbar.tableColumnBefore', toggle: false, group: 'table' },
  { id: 'tableColumnAfter', label: 'editor.toolbar.tableColumnAfter', toggle: false, group: 'table' },
  { id: 'tableDeleteRow', label: 'editor.toolbar.tableDeleteRow', toggle: false, group: 'table' },
  { id: 'tableDeleteColumn', label: 'editor.toolbar.tableDeleteColumn', toggle: false, group: 'table' },
  { id: 'tableHeaderRow', label: 'editor.toolbar.tableHeaderRow', toggle: true, group: 'table' },
  { id: 'tableDelete', label: 'editor.toolbar.tableDelete', toggle: false, group: 'table' },
  { id: 'undo', label: 'editor.toolbar.undo', toggle: false, group: 'history' },
  { id: 'redo', label: 'editor.toolbar.redo', toggle: false, group: 'history' },
];

export type ToolbarState = Record<ToolbarItemId, boolean>;

/** The items shown now: the table's own only while the caret is in a table. */
export function visibleToolbarItems(state: ToolbarState): readonly ToolbarItem[] {
  return state.table ? toolbarItems : toolbarItems.filter((item) => item.group !== 'table');
}

/** The table around the caret, with where it starts. */
function tableAtCaret(editor: Editor): { node: ProseMirrorNode; pos: number } | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'table') return { node, pos: $from.before(depth) };
  }
  return null;
}

/** Whether the caret's table has a header row (its first row of header cells). */
function hasHeaderRow(editor: Editor): boolean {
  return tableAtCaret(editor)?.node.firstChild?.firstChild?.type.name === 'tableHeader';
}

/**
 * Header row on or off for the table's first row, wherever the caret is in it (the table command
 * works on the caret's row); the caret stays where it was, as the cells keep their sizes.
 */
function toggleHeaderRow(editor: Editor): void {
  const table = tableAtCaret(editor);
  if (!table) return;
  const caret = editor.state.selection.from;
  // table start + 1 is its first row, + 2 the first cell, + 3 the cell's first paragraph.
  editor
    .chain()
    .focus()
    .setTextSelection(table.pos + 3)
    .toggleHeaderRow()
    .setTextSelection(caret)
    .run();
}

/** Which toggles are on at the current selection. */
export function toolbarState(editor: Editor): ToolbarState {
  const table = editor.isActive('table');
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    link: editor.isActive('link'),
    heading1: editor.isActive('heading', { level: 1 }),
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    taskList: editor.isActive('taskList'),
    image: false,
    deviceImage: false,
    table,
    tableRowBefore: false,
    tableRowAfter: false,
    tableColumnBefore: false,
    tableColumnAfter: false,
    tableDeleteRow: false,
    tableDeleteColumn: false,
    tableHeaderRow: table && hasHeaderRow(editor),
    tableDelete: false,
    undo: false,
    redo: false,
  };
}

/**
 * The browser dialogs the link and image buttons use, how a picture's address becomes a stored
 * picture, and the file chooser; a parameter so tests can answer them.
 */
export interface Dialogs extends PictureDialogs {
  storedPicture(url: string): Promise<{ ok: true; dataUrl: string } | { ok: false }>;
  /** The files the person chose (none when cancelled). */
  chooseFiles(accept: string): Promise<File[]>;
}

export function runToolbarItem(id: ToolbarItemId, editor: Editor, dialogs: Dialogs, t: Translate): void {
  const chain = () => editor.chain().focus();
  switch (id) {
    case 'bold':
      chain().toggleBold().run();
      return;
    case 'italic':
      chain().toggleItalic().run();
      return;
    case 'heading1':
    case 'heading2':
    case 'heading3':
      chain()
        .toggleHeading({ level: Number(id.slice(-1)) as 1 | 2 | 3 })
        .run();
      return;
    case 'bulletList':
      chain().toggleBulletList().run();
      return;
    case 'orderedList':
      chain().toggleOrderedList().run();
      return;
    case 'taskList':
      chain().toggleTaskList().run();
      return;
    case 'link':
      editLink(editor, dialogs, t);
      return;
    case 'image':
      insertImage(editor, dialogs, t);
      return;
    case 'deviceImage':
      void dialogs.chooseFiles('image/*').then((files) => insertPictureFiles(editor, files, dialogs, t));
      return;
    case 'table':
      chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
      return;
    case 'tableRowBefore':
      chain().addRowBefore().run();
      return;
    case 'tableRowAfter':
      chain().addRowAfter().run();
      return;
    case 'tableColumnBefore':
      chain().addColumnBefore().run();
      return;
    case 'tableColumnAfter':
      chain().addColumnAfter().run();
      return;
    case 'tableDeleteRow':
      chain().deleteRow().run();
      return;
    case 'tableDeleteColumn':
      chain().deleteColumn().run();
      return;
    case 'tableHeaderRow':
      toggleHeaderRow(editor);
      return;
    case 'tableDelete':
      chain().deleteTable().run();
      return;
    case 'undo':
      chain().undo().run();
      return;
    case 'redo':
      chain().redo().run();
      return;
  }
}

function editLink(editor: Editor, dialogs: Dialogs, t: Translate): void {
  const current = editor.getAttributes('link').href;
  const input = parseUrlInput(
    dialogs.prompt(t('editor.toolbar.linkPrompt'), typeof current === 'string' ? current : ''),
    LINK_PROTOCOLS,
  );
  switch (input.kind) {
    case 'cancel':
      return;
    case 'invalid':
      dialogs.alert(t('editor.toolbar.linkInvalid'));
      return;
    case 'clear':
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return;
    case 'ok':
      if (editor.state.selection.empty && !editor.isActive('link')) {
        // Nothing selected: insert the address itself as the link text.
        editor
          .chain()
          .focus()
          .insertContent({ type: 'text', text: input.url, marks: [{ type: 'link', attrs: { href: input.url } }] })
          .run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href: input.url }).run();
      }
  }
}

/** The picture is fetched and stored in the draft (never linked), then inserted at the caret. */
function insertImage(editor: Editor, dialogs: Dialogs, t: Translate): void {
  const input = parseUrlInput(dialogs.prompt(t('editor.toolbar.imagePrompt'), ''), IMAGE_PROTOCOLS);
  if (input.kind === 'invalid') dialogs.alert(t('editor.toolbar.imageInvalid'));
  if (input.kind !== 'ok') return;
  void dialogs.storedPicture(input.url).then((picture) => {
    if (editor.isDestroyed) return;
    if (picture.ok) editor.chain().focus().setImage({ src: picture.dataUrl }).run();
    else dialogs.alert(t('editor.toolbar.imageFetchFailed'));
  });
}
