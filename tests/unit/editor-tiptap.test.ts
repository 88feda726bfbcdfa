// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { DOMParser, type Slice } from '@tiptap/pm/model';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { renderCaret } from '../../extension/app/editor-core/caret-label';
import { setContentLocked } from '../../extension/app/editor-core/read-only-guard';
import { type Dialogs, runToolbarItem, toolbarState } from '../../extension/app/editor-core/toolbar-actions';
import { createTranslator } from '../../shared/i18n';
import { ClipSchema } from '../../shared/model/clip';
import { appendClip, draftPlainText } from '../../shared/model/draft-doc';
import { destroyEditors, openDraftEditor, stubLayout } from './support/editor-harness';

beforeAll(stubLayout);
afterEach(destroyEditors);
const openEditor = openDraftEditor;

const clip = ClipSchema.parse({
  clipId: '6f1c2a9e-7a35-4d1e-9a7e-2f4c1b0d8e11',
  draftId: 'draft-0001',
  kind: 'selection',
  source: {
    title: 'Fotosintesis untuk kelas 5',
    url: 'https://example.org/fotosintesis',
    siteName: 'Contoh',
    capturedAt: '2026-11-23T08:00:00.000Z',
  },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tumbuhan membuat makanan' }] }],
});

describe('the draft editor', () => {
  it('the editable area is a multi-line textbox named for screen readers, still a ProseMirror', () => {
    const { element } = openEditor();
    const editable = element.querySelector('[contenteditable="true"]');
    expect(editable?.getAttribute('role')).toBe('textbox');
    expect(editable?.getAttribute('aria-label')).toBe('Isi draf');
    expect(editable?.classList.contains('ProseMirror')).toBe(true);
  });

  it('a task’s checkbox is named in the UI’s language for screen readers, never in English', () => {
    const { editor, element } = openEditor();
    editor.commands.setContent({
      type: 'doc',
      content: [
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: false },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Siapkan daun' }] }],
            },
          ],
        },
      ],
    });
    const checkbox = element.querySelector('ul[data-type="taskList"] input[type="checkbox"]');
    expect(checkbox?.getAttribute('aria-label')).toBe('Tandai tugas selesai: Siapkan daun');
  });

  it('what is typed lands in the draft document shared through Yjs', async () => {
    const { editor, doc } = openEditor();
    editor.commands.insertContent('Tujuan pembelajaran');
    await vi.waitFor(() => expect(draftPlainText(doc)).toBe('Tujuan pembelajaran'));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(draftPlainText(copy)).toBe('Tujuan pembelajaran');
  });

  it("undo takes back only my own change, never the mentor's", async () => {
    const { editor, doc } = openEditor();
    editor.commands.insertContent('Kalimat guru.');
    await vi.waitFor(() => expect(draftPlainText(doc)).toBe('Kalimat guru.'));

    const mentor = new Y.Doc();
    Y.applyUpdate(mentor, Y.encodeStateAsUpdate(doc));
    const mentorEditor = openEditor(mentor).editor;
    mentorEditor.commands.setTextSelection(mentorEditor.state.doc.content.size - 1);
    mentorEditor.commands.insertContent(' Saran pendamping.');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(mentor), 'remote');
    await vi.waitFor(() => expect(editor.getText()).toBe('Kalimat guru. Saran pendamping.'));

    runToolbarItem('undo', editor, dialogsOf(window), createTranslator('id'));
    await vi.waitFor(() => expect(draftPlainText(doc)).toBe(' Saran pendamping.'));
  });

  it('a clip added to the document (e.g. by the extension) shows as a card with its source', async () => {
    const { doc, element, locale } = openEditor();
    appendClip(doc, clip);
    const card = await vi.waitFor(() => {
      const found = element.querySelector('.dampingi-clip');
      if (!found) throw new Error('no card yet');
      return found;
    });
    const link = card.querySelector('header a');
    expect(link?.textContent).toBe('Fotosintesis untuk kelas 5');
    expect(link?.getAttribute('href')).toBe('https://example.org/fotosintesis');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(card.querySelector('header .dampingi-clip-url')?.textContent).toBe('https://example.org/fotosintesis');
    const time = card.querySelector('header time');
    expect(time?.getAttribute('datetime')).toBe('2026-11-23T08:00:00.000Z');
    expect(time?.textContent).toMatch(/^diklip .*2026/);
    expect(card.querySelector('[data-clip-content]')?.textContent).toBe('Tumbuhan membuat makanan');

    locale.set('en');
    expect(card.querySelector('header time')?.textContent).toMatch(/^clipped .*2026/);
  });

  it('the link button refuses javascript: and links the selection to an https address', async () => {
    const { editor } = openEditor();
    const t = createTranslator('id');
    editor.commands.insertContent('klorofil');
    editor.commands.selectAll();
    const alert = vi.fn();
    runToolbarItem('link', editor, dialogsOf({ prompt: () => 'javascript:alert(1)', alert }), t);
    expect(alert).toHaveBeenCalledOnce();
    expect(editor.getHTML()).not.toContain('<a');

    runToolbarItem('link', editor, dialogsOf({ prompt: () => 'example.org/klorofil', alert }), t);
    expect(editor.getHTML()).toContain('href="https://example.org/klorofil"');
    expect(toolbarState(editor).link).toBe(true);
  });

  it('a picture by address is fetched and stored in the draft, never linked; one that cannot be fetched is explained', async () => {
    const { editor } = openEditor();
    const t = createTranslator('id');
    const stored = 'data:image/jpeg;base64,/9j/4AAQ';
    const alert = vi.fn();
    const fetched: string[] = [];
    const dialogs: Dialogs = {
      ...dialogsOf(window),
      prompt: () => 'example.org/daun.png',
      alert,
      storedPicture: async (url) => {
        fetched.push(url);
        return { ok: true, dataUrl: stored };
      },
    };
    runToolbarItem('image', editor, dialogs, t);
    await vi.waitFor(() => expect(editor.getHTML()).toContain(`src="${stored}"`));
    expect(fetched).toEqual(['https://example.org/daun.png']);
    expect(editor.getHTML()).not.toContain('example.org');

    runToolbarItem('image', editor, { ...dialogs, storedPicture: async () => ({ ok: false }) }, t);
    await vi.waitFor(() => expect(alert).toHaveBeenCalledWith(t('editor.toolbar.imageFetchFailed')));
    expect(editor.getHTML().match(/<img/g)).toHaveLength(1);
  });

  it('pasting a web page keeps its text and stored pictures, and drops pictures that point at other sites', () => {
    const { editor } = openEditor();
    const stored = 'data:image/png;base64,iVBORw0KGgo=';
    const html = `<p>Daun hijau</p><img src="https://example.org/pelacak.png"><img src="${stored}"><p>Akar</p>`;
    const slice = editor.view.someProp('transformPasted', (transform) =>
      transform(parseSlice(editor, html), editor.view, false),
    );
    const pasted = slice?.content.toString() ?? '';
    expect(pasted).toContain('Daun hijau');
    expect(pasted).toContain('Akar');
    expect(pasted).not.toContain('example.org');
    expect(pasted.match(/image/g)).toHaveLength(1);
  });

  it('toolbar toggles report their state for aria-pressed', () => {
    const { editor } = openEditor();
    const t = createTranslator('id');
    expect(toolbarState(editor).bold).toBe(false);
    runToolbarItem('bold', editor, dialogsOf(window), t);
    editor.commands.insertContent('tebal');
    expect(toolbarState(editor).bold).toBe(true);
    runToolbarItem('heading2', editor, dialogsOf(window), t);
    expect(toolbarState(editor)).toMatchObject({ heading2: true, heading1: false });
    runToolbarItem('taskList', editor, dialogsOf(window), t);
    expect(toolbarState(editor).taskList).toBe(true);
  });
});

describe("another user's caret", () => {
  it('shows their name and colour, but the name is not part of the draft text', () => {
    const caret = renderCaret({ name: 'Pak Budi', color: '#d81b60' });
    const label = caret.querySelector<HTMLElement>('.collaboration-carets__label');
    expect(label?.shadowRoot?.textContent).toBe('Pak Budi');
    expect(caret.textContent).toBe('');
    expect(label?.style.backgroundColor).toBe('rgb(216, 27, 96)');
    expect(label?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('remote clips and the trailing paragraph', () => {
  it('a read-only reader never writes to the draft when clips arrive, even as they click around', () => {
    const server = new Y.Doc();
    const readerDoc = new Y.Doc();
    const { editor } = openEditor(readerDoc);
    editor.setEditable(false);
    let written = 0;
    readerDoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') written++;
    });
    appendClip(server, clip);
    Y.applyUpdate(readerDoc, Y.encodeStateAsUpdate(server), 'remote');
    editor.commands.setTextSelection(2);
    editor.commands.selectAll();
    expect(editor.getText()).toContain('Tumbuhan membuat makanan');
    expect(written).toBe(0);
  });

  it('an address someone else typed is not linked by this editor (no write of its own); one typed here is', () => {
    const { editor, doc } = openEditor();
    let written = 0;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') written++;
    });
    const remote = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Baca https://example.org/fotosintesis ')]);
    remote.getXmlFragment('default').insert(0, [paragraph]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'remote');
    expect(editor.getText()).toContain('https://example.org/fotosintesis');
    expect(editor.getHTML()).not.toContain('<a ');
    expect(written).toBe(0);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor.commands.insertContent('https://example.org/daun ');
    expect(editor.getHTML()).toContain('href="https://example.org/daun"');
  });

  it('the writer gets an empty paragraph below a clip card once they edit, to type after it', () => {
    const { editor, doc } = openEditor();
    appendClip(doc, clip, 'remote');
    expect(editor.state.doc.lastChild?.type.name).toBe('clip');
    editor.commands.insertContentAt(0, 'Judul ');
    expect(editor.state.doc.lastChild?.type.name).toBe('paragraph');
  });

  it('a locked reader (a commenter) keeps a caret and selects with the keyboard, but changes nothing; others’ changes arrive', () => {
    const server = new Y.Doc();
    appendClip(server, clip);
    const readerDoc = new Y.Doc();
    Y.applyUpdate(readerDoc, Y.encodeStateAsUpdate(server), 'remote');
    const { editor } = openEditor(readerDoc);
    setContentLocked(editor.storage, true);
    let written = 0;
    readerDoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') written++;
    });

    expect(editor.view.dom.getAttribute('contenteditable')).toBe('true');
    editor.commands.setTextSelection({ from: 2, to: 10 });
    expect(editor.state.selection.empty).toBe(false);
    editor.commands.insertContent('coret');
    editor.commands.deleteSelection();
    const input = new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', cancelable: true });
    editor.view.dom.dispatchEvent(input);
    expect(input.defaultPrevented).toBe(true);
    expect(editor.getText()).not.toContain('coret');
    expect(written).toBe(0);

    appendClip(server, { ...clip, clipId: '0c6c1f0e-2b2a-4f57-9f1e-5a4b3c2d1e0f' });
    Y.applyUpdate(readerDoc, Y.encodeStateAsUpdate(server), 'remote');
    expect(editor.state.doc.childCount).toBe(2);

    setContentLocked(editor.storage, false);
    editor.commands.insertContentAt(1, 'Catatan ');
    expect(written).toBeGreaterThan(0);
  });
});

/** Dialogs whose picture fetches are never expected in the test that uses them. */
function dialogsOf(base: Pick<Window, 'prompt' | 'alert'>): Dialogs {
  return {
    prompt: (message, initial) => base.prompt(message, initial),
    alert: (message) => base.alert(message),
    storedPicture: async () => {
      throw new Error('no picture is fetched in this test');
    },
    chooseFiles: async () => {
      throw new Error('no file is chosen in this test');
    },
    preparePicture: async () => {
      throw new Error('no picture is prepared in this test');
    },
  };
}

/** The slice ProseMirror makes of pasted HTML, before the paste transforms run. */
function parseSlice(editor: Editor, html: string): Slice {
  const container = document.createElement('div');
  container.innerHTML = html;
  return DOMParser.fromSchema(editor.schema).parseSlice(container);
}
