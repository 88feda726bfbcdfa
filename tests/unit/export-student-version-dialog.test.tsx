// @vitest-environment jsdom
/**
 * The export dialog offers "Versi peserta didik": the file it saves then has no needs analysis and
 * no prompts, and "Cetak versi peserta didik" prints with the teacher-only parts hidden. The editor
 * labels the teacher-only parts "Hanya untuk guru" for the teacher.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ExportDialog } from '../../extension/app/export/ExportDialog';
import { STUDENT_PRINT_CLASS } from '../../extension/app/student-version/print-version';
import { I18nProvider } from '../../extension/components/i18n';
import { builtinTemplate } from '../../shared/templates/builtin-templates';
import { templateUpdate } from '../../shared/templates/template-content';
import {
  button,
  click,
  container,
  destroyEditors,
  mount,
  openDraftEditor,
  unmount,
  until,
} from './support/editor-harness';

function lkpdDraft(): Y.Doc {
  const draft = new Y.Doc();
  Y.applyUpdate(draft, templateUpdate(builtinTemplate('builtin-lkpd')!, 'id'));
  return draft;
}

let saved: Blob[];

beforeEach(() => {
  saved = [];
  // Where the browser would hand the file to its downloads: the blob is kept to be read.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:export';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  document.documentElement.classList.remove(STUDENT_PRINT_CLASS);
  destroyEditors();
  await unmount();
});

async function openDialog(draft: Y.Doc) {
  await mount(
    <I18nProvider language="id" onLanguageChange={() => {}}>
      <ExportDialog draft={draft} feedback={null} title="LKPD Pecahan" canPrint win={window} onClose={() => {}} />
    </I18nProvider>,
  );
}

const radio = (name: string, value: string) =>
  container.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"][value="${value}"]`);

/** jsdom's Blob has no text(): read it as a page would have, with a FileReader. */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const labelOf = (input: HTMLInputElement | null) => input?.closest('label')?.textContent ?? '';

describe('the export dialog', () => {
  it('offers the teacher version (chosen) and "Versi peserta didik"', async () => {
    await openDialog(lkpdDraft());
    expect(container.textContent).toContain('Versi');
    expect(labelOf(radio('export-version', 'teacher'))).toContain('Versi guru (lengkap)');
    expect(labelOf(radio('export-version', 'student'))).toContain('Versi peserta didik');
    expect(radio('export-version', 'teacher')?.checked).toBe(true);
    expect(button('Cetak')).toBeTruthy();
  });

  it('with "Versi peserta didik" saves a file without the needs analysis and the prompts', async () => {
    await openDialog(lkpdDraft());
    await click(radio('export-format', 'markdown'));
    await click(radio('export-version', 'student'));
    await click(button('Unduh'));
    await until(() => saved.length === 1, 'the file to be saved');
    const markdown = await textOf(saved[0]!);
    expect(markdown).not.toContain('Analisis kebutuhan');
    expect(markdown).not.toContain('Tulis tugas yang dikerjakan peserta didik');
    expect(markdown).toContain('Lembar Kerja Peserta Didik');
    expect(markdown).toContain('Refleksi peserta didik');
  });

  it('"Cetak versi peserta didik" prints with the teacher-only parts marked to be hidden', async () => {
    const printed: boolean[] = [];
    // jsdom has no print window: what matters is the page's state when printing starts.
    vi.spyOn(window, 'print').mockImplementation(() => {
      printed.push(document.documentElement.classList.contains(STUDENT_PRINT_CLASS));
    });
    await openDialog(lkpdDraft());
    await click(radio('export-version', 'student'));
    await click(button('Cetak versi peserta didik'));
    await until(() => printed.length === 1, 'printing to start');
    expect(printed).toEqual([true]);
    await act(async () => window.dispatchEvent(new Event('afterprint')));
    expect(document.documentElement.classList.contains(STUDENT_PRINT_CLASS)).toBe(false);
  });
});

describe('the editor', () => {
  it('labels the needs analysis and the prompts "Hanya untuk guru", and marks the blocks under the heading', async () => {
    const { element } = openDraftEditor(lkpdDraft());
    const marked = await until(() => {
      const found = [...element.querySelectorAll('.teacher-only.is-marked')];
      return found.length > 0 && found;
    }, 'the teacher-only labels');
    expect(marked[0]!.tagName).toBe('H1');
    expect(marked[0]!.textContent).toBe('Analisis kebutuhan');
    for (const block of marked) expect(block.getAttribute('data-teacher-only-label')).toBe('Hanya untuk guru');
    expect(marked.map((block) => block.textContent)).toContainEqual(
      expect.stringContaining('Tulis tugas yang dikerjakan peserta didik'),
    );
    const hidden = [...element.querySelectorAll('.teacher-only')].map((block) => block.textContent);
    expect(hidden).toContainEqual(expect.stringContaining('Peserta didik dan kebutuhannya'));
    expect(hidden).not.toContainEqual(expect.stringContaining('Lembar Kerja Peserta Didik'));
    expect(hidden).not.toContainEqual(expect.stringContaining('Identitas'));
  });

  it("Enter at the end of a prompt starts the teacher's own text, which is for everyone", async () => {
    const { editor } = openDraftEditor(lkpdDraft());
    const prompt = 'Tulis tugas yang dikerjakan peserta didik';
    let end = -1;
    await until(() => {
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'paragraph' && node.textContent.startsWith(prompt)) end = pos + node.nodeSize - 1;
      });
      return end > 0;
    }, 'the prompt in the editor');
    editor.chain().setTextSelection(end).splitBlock().insertContent('Amati daun di halaman sekolah.').run();
    const blocks: { text: string; audience: unknown }[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'paragraph') blocks.push({ text: node.textContent, audience: node.attrs.audience });
    });
    expect(blocks.find((block) => block.text.startsWith(prompt))?.audience).toBe('teacher');
    expect(blocks.find((block) => block.text === 'Amati daun di halaman sekolah.')?.audience).toBeNull();
  });
});
