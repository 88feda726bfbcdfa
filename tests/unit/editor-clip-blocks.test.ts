// @vitest-environment jsdom
/** Clip cards are blocks of their own in the editor: selected whole, deleted whole, undone, moved. */
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setContentLocked } from '../../extension/app/editor-core/read-only-guard';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import { destroyEditors, openDraftEditor, stubLayout, until } from './support/editor-harness';

beforeAll(stubLayout);
afterEach(destroyEditors);

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const card = (clipId: string, title: string, text: string) => ({
  type: 'clip',
  attrs: {
    clipId,
    sourceTitle: title,
    sourceUrl: `https://example.org/${clipId}`,
    capturedAt: '2026-11-23T08:00:00.000Z',
  },
  content: [paragraph(text)],
});

/** Bu Sari's LKPD as it was when a clip arrived: a body, a card, and the empty line below it. */
function lkpd(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    draftSchema(),
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'LKPD Fotosintesis' }] },
        paragraph('Tujuan: siswa menjelaskan fotosintesis.'),
        paragraph('Langkah kegiatan.'),
        card('clip-a', 'Fotosintesis untuk kelas 5', 'Tumbuhan membuat makanan.'),
        { type: 'paragraph' },
      ],
    },
    draftFragment(doc),
  );
  return doc;
}

/** The top-level blocks of the draft as text, one entry a block (a card by its content). */
const blocks = (editor: Editor) => editor.state.doc.children.map((node) => node.textContent);

async function press(editor: Editor, key: string, modifiers: KeyboardEventInit = {}) {
  await act(async () => {
    editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

function header(element: HTMLElement, index = 0): HTMLElement {
  const found = element.querySelectorAll<HTMLElement>('.dampingi-clip-source')[index];
  if (!found) throw new Error('no clip card header');
  return found;
}

async function mouseDown(target: HTMLElement, init: MouseEventInit = {}) {
  await act(async () => {
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0, ...init }));
  });
}

describe('a clip card in the editor', () => {
  it('shift-clicking a card’s header after clicking below it selects the card, and Delete removes only the card', async () => {
    const { editor, element, doc } = openDraftEditor(lkpd());
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);

    await mouseDown(header(element), { shiftKey: true });
    const selection = editor.state.selection;
    expect(selection).toBeInstanceOf(NodeSelection);
    expect((selection as NodeSelection).node.attrs.clipId).toBe('clip-a');
    expect(element.querySelector('.dampingi-clip')?.classList.contains('ProseMirror-selectednode')).toBe(true);

    await press(editor, 'Delete');
    await until(() => !draftPlainText(doc).includes('Tumbuhan'), 'the card to be deleted');
    expect(draftPlainText(doc)).toContain('LKPD Fotosintesis');
    expect(draftPlainText(doc)).toContain('Tujuan: siswa menjelaskan fotosintesis.');
    expect(draftPlainText(doc)).toContain('Langkah kegiatan.');
  });

  it('Backspace on a card selected by a click on its header removes it, and Ctrl+Z brings it back', async () => {
    const { editor, element, doc } = openDraftEditor(lkpd());
    await mouseDown(header(element));
    await press(editor, 'Backspace');
    await until(() => !draftPlainText(doc).includes('Tumbuhan'), 'the card to be deleted');
    expect(element.querySelector('.dampingi-clip')).toBeNull();

    await press(editor, 'z', { ctrlKey: true });
    await until(() => draftPlainText(doc).includes('Tumbuhan membuat makanan.'), 'undo to restore the card');
    expect(element.querySelector('.dampingi-clip-title')?.textContent).toBe('Fotosintesis untuk kelas 5');
    expect(draftPlainText(doc)).toContain('Langkah kegiatan.');
  });

  it('Alt+ArrowUp moves a selected card above the block before it, in one Yjs change the other editor sees, and says so', async () => {
    const doc = lkpd();
    const mentorDoc = new Y.Doc();
    Y.applyUpdate(mentorDoc, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      updates.push(update);
      Y.applyUpdate(mentorDoc, update, 'remote');
    });
    const { editor, element } = openDraftEditor(doc);
    const mentor = openDraftEditor(mentorDoc, { id: 'u-budi', name: 'Pak Budi' }).editor;

    await mouseDown(header(element));
    const before = updates.length;
    await press(editor, 'ArrowUp', { altKey: true });
    await until(() => blocks(editor)[2] === 'Tumbuhan membuat makanan.', 'the card to move up');
    expect(blocks(editor)).toEqual([
      'LKPD Fotosintesis',
      'Tujuan: siswa menjelaskan fotosintesis.',
      'Tumbuhan membuat makanan.',
      'Langkah kegiatan.',
      '',
    ]);
    expect(updates.length - before).toBe(1);
    await until(() => blocks(mentor)[2] === 'Tumbuhan membuat makanan.', 'the other editor to show the move');
    expect(blocks(mentor)[3]).toBe('Langkah kegiatan.');

    // Still selected, so the next press moves it again.
    expect((editor.state.selection as NodeSelection).node?.attrs.clipId).toBe('clip-a');
    const status = element.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Kartu dipindahkan ke blok 3 dari 5.');

    await press(editor, 'ArrowDown', { altKey: true });
    await press(editor, 'ArrowDown', { altKey: true });
    // Below the empty last line it is the last block, and the writer gets a new empty line under it.
    expect(blocks(editor).slice(2)).toEqual(['Langkah kegiatan.', '', 'Tumbuhan membuat makanan.', '']);
  });

  it('Ctrl+Z after a keyboard move puts the card back where it was', async () => {
    const { editor, element } = openDraftEditor(lkpd());
    await mouseDown(header(element));
    await press(editor, 'ArrowUp', { altKey: true });
    await until(() => blocks(editor)[2] === 'Tumbuhan membuat makanan.', 'the card to move up');
    await press(editor, 'z', { ctrlKey: true });
    await until(() => blocks(editor)[3] === 'Tumbuhan membuat makanan.', 'undo to move the card back');
    expect(blocks(editor).filter((text) => text === 'Tumbuhan membuat makanan.')).toHaveLength(1);
  });

  it('a card already at the top stays there and the screen reader hears why', async () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(
      draftSchema(),
      { type: 'doc', content: [card('clip-a', 'Sumber', 'Isi kartu.'), paragraph('Di bawah.')] },
      draftFragment(doc),
    );
    const { editor, element } = openDraftEditor(doc);
    await mouseDown(header(element));
    await press(editor, 'ArrowUp', { altKey: true });
    expect(blocks(editor)).toEqual(['Isi kartu.', 'Di bawah.']);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Kartu sudah paling atas.');
  });

  it('a commenter can select a card but not move or delete it, and hears no move', async () => {
    const { editor, element, doc } = openDraftEditor(lkpd());
    setContentLocked(editor.storage, true);
    await mouseDown(header(element));
    expect(editor.state.selection).toBeInstanceOf(NodeSelection);
    await press(editor, 'ArrowUp', { altKey: true });
    await press(editor, 'Delete');
    expect(blocks(editor)[3]).toBe('Tumbuhan membuat makanan.');
    expect(draftPlainText(doc)).toContain('Tumbuhan membuat makanan.');
    expect(element.querySelector('[role="status"]')?.textContent ?? '').toBe('');
  });
});
