// @vitest-environment jsdom
/**
 * Pictures from the device — the toolbar's "Gambar dari perangkat", a paste, a drop — are made
 * small and stored in the draft at the caret with alt text; a file that is no picture is refused
 * with a sentence. While the caret is in a table, the toolbar offers rows, columns, the header row
 * and deleting the table, in Bahasa Indonesia. The downscaler runs for real on a stand-in canvas
 * (jsdom has none: tests/unit/support/picture-canvas.ts).
 */
import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PictureDialogs } from '../../extension/app/editor-core/device-pictures';
import { setContentLocked } from '../../extension/app/editor-core/read-only-guard';
import { Toolbar } from '../../extension/app/editor-core/Toolbar';
import {
  type Dialogs,
  runToolbarItem,
  toolbarState,
  visibleToolbarItems,
} from '../../extension/app/editor-core/toolbar-actions';
import { I18nProvider } from '../../extension/components/i18n';
import { pictureFromFile } from '../../extension/pictures/downscale-picture';
import { createTranslator } from '../../shared/i18n';
import { pngBytes } from '../fixtures/png';
import { button, destroyEditors, mount, openDraftEditor, stubLayout, unmount, until } from './support/editor-harness';
import { standInCanvas } from './support/picture-canvas';

beforeAll(stubLayout);
afterEach(async () => {
  destroyEditors();
  await unmount();
});
const t = createTranslator('id');
const large = pngBytes(3000, 2000);

function pictureDialogs(answer: string | null = null) {
  const canvas = standInCanvas({ bytesPerPixel: 0.3 });
  const alert = vi.fn<(message?: string) => void>();
  const prompt = vi.fn<(message?: string, initial?: string) => string | null>(() => answer);
  const dialogs: PictureDialogs = { prompt, alert, preparePicture: (file) => pictureFromFile(file, canvas) };
  return { dialogs, canvas, alert, prompt };
}

function withDialogs(editor: Editor, dialogs: PictureDialogs) {
  editor.storage.devicePictures.dialogs = dialogs;
}

const images = (editor: Editor) => {
  const found: { src: string; alt: string }[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'image') found.push({ src: String(node.attrs.src), alt: String(node.attrs.alt) });
  });
  return found;
};

/** What ProseMirror hands the paste and drop handlers, for a clipboard or drag holding `files`. */
function transfer(files: File[], text = '') {
  return { files, getData: (type: string) => (type === 'text/plain' ? text : '') } as unknown as DataTransfer;
}

function paste(editor: Editor, data: DataTransfer): boolean {
  const event = { clipboardData: data, preventDefault: vi.fn() } as unknown as ClipboardEvent;
  const slice = editor.state.doc.slice(0, 0);
  return editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, slice)) ?? false;
}

function drop(editor: Editor, data: DataTransfer): boolean {
  const event = { dataTransfer: data, clientX: 10, clientY: 10, preventDefault: vi.fn() } as unknown as DragEvent;
  const slice = editor.state.doc.slice(0, 0);
  return editor.view.someProp('handleDrop', (handle) => handle(editor.view, event, slice, false)) ?? false;
}

describe('pictures from the device', () => {
  it('"Gambar dari perangkat" stores a 3000 px picture at 1600 px as a data: URL, its alt text the file name by default', async () => {
    const { editor } = openDraftEditor();
    const { dialogs: pictures, canvas, prompt } = pictureDialogs(null);
    const chosen: string[] = [];
    const dialogs: Dialogs = {
      ...pictures,
      storedPicture: async () => ({ ok: false }),
      chooseFiles: async (accept) => {
        chosen.push(accept);
        return [new File([new Uint8Array(large)], 'kebun-sekolah.png', { type: 'image/png' })];
      },
    };
    expect(t('editor.toolbar.deviceImage')).toBe('Gambar dari perangkat');
    runToolbarItem('deviceImage', editor, dialogs, t);
    await vi.waitFor(() => expect(images(editor)).toHaveLength(1));
    expect(chosen).toEqual(['image/*']);
    const [image] = images(editor);
    expect(image?.src.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(image?.alt).toBe('kebun-sekolah');
    expect(prompt).toHaveBeenCalledWith(t('editor.picture.altPrompt', { name: 'kebun-sekolah.png' }), 'kebun-sekolah');
    expect(canvas.encodings.at(-1)?.size).toEqual({ width: 1600, height: 1067 });
  });

  it('a pasted picture is stored at the caret with the alt text given; pasted text with a picture of itself stays text', async () => {
    const { editor } = openDraftEditor();
    const { dialogs } = pictureDialogs('Daun di bawah mikroskop');
    withDialogs(editor, dialogs);
    editor.commands.insertContent('Sebelum ');
    expect(
      paste(editor, transfer([new File([new Uint8Array(pngBytes(40, 30))], 'image.png', { type: 'image/png' })])),
    ).toBe(true);
    await vi.waitFor(() => expect(images(editor)).toHaveLength(1));
    expect(images(editor)[0]).toMatchObject({ alt: 'Daun di bawah mikroskop' });
    expect(images(editor)[0]?.src.startsWith('data:image/png;base64,')).toBe(true);
    expect(editor.getText()).toContain('Sebelum');
    // Copied from a word processor: the text, and a picture of it, are on the clipboard.
    expect(paste(editor, transfer([new File([new Uint8Array(pngBytes(4, 3))], 'x.png')], 'Teks dari Word'))).toBe(
      false,
    );
  });

  it('a dropped picture file is stored; a dropped PDF is refused with a sentence naming it', async () => {
    const { editor } = openDraftEditor();
    const { dialogs, alert } = pictureDialogs();
    withDialogs(editor, dialogs);
    const pdf = new File(['%PDF-1.4'], 'rpp.pdf', { type: 'application/pdf' });
    expect(
      drop(editor, transfer([pdf, new File([new Uint8Array(pngBytes(40, 30))], 'akar.png', { type: 'image/png' })])),
    ).toBe(true);
    await vi.waitFor(() => expect(images(editor)).toHaveLength(1));
    expect(images(editor)[0]?.alt).toBe('akar');
    expect(alert).toHaveBeenCalledWith(t('editor.picture.problem.not-image', { name: 'rpp.pdf' }));
    expect(t('editor.picture.problem.not-image', { name: 'rpp.pdf' })).toContain('“rpp.pdf” bukan gambar');
  });

  it('a picture over 25 MB is refused before it is read; a reader who may not edit cannot paste one', async () => {
    const { editor } = openDraftEditor();
    const { dialogs, alert } = pictureDialogs();
    withDialogs(editor, dialogs);
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'besar.jpg', { type: 'image/jpeg' });
    paste(editor, transfer([huge]));
    await vi.waitFor(() =>
      expect(alert).toHaveBeenCalledWith(t('editor.picture.problem.too-large', { name: 'besar.jpg' })),
    );
    setContentLocked(editor.storage, true);
    expect(paste(editor, transfer([new File([new Uint8Array(pngBytes(4, 3))], 'a.png', { type: 'image/png' })]))).toBe(
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(images(editor)).toHaveLength(0);
  });
});

const shape = (editor: Editor) => {
  let found = { rows: 0, cols: 0, header: '' };
  editor.state.doc.descendants((node) => {
    if (node.type.name !== 'table') return true;
    const first = node.firstChild;
    found = { rows: node.childCount, cols: first?.childCount ?? 0, header: first?.firstChild?.type.name ?? '' };
    return false;
  });
  return found;
};

describe('table controls', () => {
  it('in a table the toolbar adds and deletes rows and columns, toggles the header row and deletes the table', () => {
    const { editor } = openDraftEditor();
    const { dialogs: pictures } = pictureDialogs();
    const dialogs: Dialogs = { ...pictures, storedPicture: async () => ({ ok: false }), chooseFiles: async () => [] };
    expect(visibleToolbarItems(toolbarState(editor)).some((item) => item.group === 'table')).toBe(false);
    runToolbarItem('table', editor, dialogs, t);
    expect(shape(editor)).toEqual({ rows: 3, cols: 3, header: 'tableHeader' });
    const state = toolbarState(editor);
    expect(state.tableHeaderRow).toBe(true);
    expect(visibleToolbarItems(state).map((item) => t(item.label))).toEqual(
      expect.arrayContaining([
        'Tambah baris di atas',
        'Tambah baris di bawah',
        'Tambah kolom di kiri',
        'Tambah kolom di kanan',
        'Hapus baris',
        'Hapus kolom',
        'Baris judul tabel',
        'Hapus tabel',
      ]),
    );
    runToolbarItem('tableHeaderRow', editor, dialogs, t);
    expect(shape(editor).header).toBe('tableCell');
    expect(toolbarState(editor).tableHeaderRow).toBe(false);
    runToolbarItem('tableHeaderRow', editor, dialogs, t);
    expect(shape(editor).header).toBe('tableHeader');
    runToolbarItem('tableRowAfter', editor, dialogs, t);
    runToolbarItem('tableRowBefore', editor, dialogs, t);
    expect(shape(editor).rows).toBe(5);
    runToolbarItem('tableColumnAfter', editor, dialogs, t);
    runToolbarItem('tableColumnBefore', editor, dialogs, t);
    expect(shape(editor).cols).toBe(5);
    runToolbarItem('tableDeleteRow', editor, dialogs, t);
    runToolbarItem('tableDeleteColumn', editor, dialogs, t);
    expect(shape(editor)).toMatchObject({ rows: 4, cols: 4 });
    runToolbarItem('tableDelete', editor, dialogs, t);
    expect(shape(editor).rows).toBe(0);
    expect(toolbarState(editor).table).toBe(false);
  });

  it('the table buttons join the toolbar when the caret enters a table and are reached with the arrow keys', async () => {
    const { editor } = openDraftEditor();
    const { dialogs: pictures } = pictureDialogs();
    const dialogs: Dialogs = { ...pictures, storedPicture: async () => ({ ok: false }), chooseFiles: async () => [] };
    const page = await mount(
      <I18nProvider language="id" onLanguageChange={() => undefined}>
        <Toolbar editor={editor} dialogs={dialogs} />
      </I18nProvider>,
    );
    expect(page.textContent).not.toContain('+↓');
    expect(() => button('Hapus baris', page)).toThrow();
    await act(async () => {
      editor.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: true });
    });
    const rowBelow = await until(
      () => [...page.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Tambah baris di bawah'),
      'the table buttons',
    );
    const table = button('Sisipkan tabel', page);
    await act(async () => table.focus());
    await act(async () => {
      table.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Tambah baris di atas');
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(document.activeElement).toBe(rowBelow);
    await act(async () => rowBelow.click());
    expect(shape(editor).rows).toBe(3);
  });
});
