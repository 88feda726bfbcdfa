// @vitest-environment jsdom
/**
 * Anchors in the editor and their highlights: a thread's anchor is made from a selection, followed
 * through edits before, inside and after its text (made in this editor, and arriving from another
 * person's editor through Yjs), found again by its quote when its text was retyped or split, and
 * marked detached when its text is gone — never dropped.
 */
import type { Editor } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, followAnchor } from '../../extension/app/feedback/anchor-positions';
import { documentText, offsetAt, positionsOf } from '../../extension/app/feedback/document-text';
import {
  feedbackHighlightsOf,
  setFeedbackThreads,
  type ThreadPlacement,
} from '../../extension/app/feedback/feedback-highlights';
import type { FeedbackKind, Thread } from '../../shared/mentoring/thread-schema';
import { addThread, readThreads, setThreadStatus } from '../../shared/mentoring/threads';
import { destroyEditors, openDraftEditor, stubLayout } from './support/editor-harness';

beforeAll(stubLayout);
afterEach(destroyEditors);

function openEditor(doc: Y.Doc, name: string): Editor {
  return openDraftEditor(doc, { id: `u-${name}`, name }).editor;
}

/** Two people on one draft: every update of one reaches the other at once, as through the server. */
function teacherAndMentor(paragraphs: string[]) {
  const teacherDoc = new Y.Doc();
  const mentorDoc = new Y.Doc();
  teacherDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(mentorDoc, update, 'remote');
  });
  mentorDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(teacherDoc, update, 'remote');
  });
  const teacher = openEditor(teacherDoc, 'Bu Sari');
  const mentor = openEditor(mentorDoc, 'Pak Budi');
  teacher.commands.setContent(paragraphs.map((text) => `<p>${text}</p>`).join(''));
  return { teacher, mentor };
}

/** The document range of the first occurrence of `text` (within one block). */
function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  const source = documentText(editor.state.doc);
  const at = source.text.indexOf(text);
  if (at === -1) throw new Error(`"${text}" not in "${source.text}"`);
  return positionsOf(source, { from: at, to: at + text.length }) as { from: number; to: number };
}

const feedbackDoc = new Y.Doc();
/** The mentor selects `text` and writes feedback of `kind` on it; every editor gets the threads. */
function comment(mentor: Editor, text: string, kind: FeedbackKind = 'improvement'): Thread {
  const made = createAnchor(mentor.state, rangeOf(mentor, text));
  if (!made.ok) throw new Error(made.reason);
  const id = addThread(
    feedbackDoc,
    { kind, anchor: made.anchor, body: 'Perjelas.' },
    { id: 'u-budi', name: 'Pak Budi' },
  );
  return readThreads(feedbackDoc).threads.find((thread) => thread.id === id) as Thread;
}

function show(editors: Editor[], threads: Thread[]): void {
  for (const editor of editors) setFeedbackThreads(editor.view, threads);
}

function placementOf(editor: Editor, thread: Thread): ThreadPlacement {
  const found = feedbackHighlightsOf(editor.state)?.placements.find((p) => p.thread.id === thread.id);
  if (!found) throw new Error('thread not placed');
  return found;
}

/** What the reader sees highlighted for the thread: the text of its decoration spans. */
function highlighted(editor: Editor, thread: Thread): string {
  return [...editor.view.dom.querySelectorAll(`[data-thread-id="${thread.id}"]`)]
    .map((span) => span.textContent)
    .join('');
}

function insertAt(editor: Editor, pos: number, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text, pos));
}

describe('the draft as one text with document positions', () => {
  it('every character maps to its own position, blocks and line breaks are newlines', () => {
    // (The empty paragraph the editor keeps at the end for typing is a last, empty line.)
    const editor = openEditor(new Y.Doc(), 'Bu Sari');
    editor.commands.setContent(
      '<h2>Tujuan</h2><p>Siswa <strong>memahami</strong> fotosintesis.<br>Baris dua</p><ul><li><p>Daun</p></li></ul>',
    );
    const source = documentText(editor.state.doc);
    expect(source.text).toBe('Tujuan\nSiswa memahami fotosintesis.\nBaris dua\nDaun\n');
    source.text.split('').forEach((char, index) => {
      const pos = source.positions[index] as number;
      if (char !== '\n') expect(editor.state.doc.textBetween(pos, pos + 1)).toBe(char);
      expect(offsetAt(source, pos)).toBe(index);
    });
  });
});

describe('an anchor made from a selection', () => {
  it('holds the selected text (spaces around it trimmed) with context, and leads back to it', () => {
    const { mentor } = teacherAndMentor(['Tujuan: siswa memahami fotosintesis.']);
    const range = rangeOf(mentor, ' siswa memahami ');
    const made = createAnchor(mentor.state, range);
    if (!made.ok) throw new Error(made.reason);
    expect(made.anchor).toMatchObject({ quote: 'siswa memahami', prefix: 'Tujuan: ', suffix: ' fotosintesis.' });
    expect(followAnchor(mentor.state, made.anchor)).toEqual({ ...rangeOf(mentor, 'siswa memahami'), intact: true });
  });

  it('refuses an empty or blank selection', () => {
    const { mentor } = teacherAndMentor(['Tujuan: siswa memahami fotosintesis.']);
    expect(createAnchor(mentor.state, { from: 3, to: 3 })).toEqual({ ok: false, reason: 'no-text' });
    const space = rangeOf(mentor, ' ');
    expect(createAnchor(mentor.state, space)).toEqual({ ok: false, reason: 'no-text' });
  });

  it('a quote at the very start of the draft is followed too', () => {
    const { teacher, mentor } = teacherAndMentor(['Fotosintesis adalah proses.']);
    const thread = comment(mentor, 'Fotosintesis');
    show([teacher, mentor], [thread]);
    expect(placementOf(mentor, thread).place.status).toBe('attached');
    insertAt(teacher, rangeOf(teacher, 'sintesis').from, '-');
    expect(highlighted(mentor, thread)).toBe('Foto-sintesis');
  });
});

describe('the highlight follows the text while the teacher edits', () => {
  const sentence = 'Siswa mengamati daun di halaman sekolah.';

  it('edits before, inside and after the quote — in her editor and in the mentor’s', () => {
    const { teacher, mentor } = teacherAndMentor(['Pendahuluan.', sentence]);
    const thread = comment(mentor, 'mengamati daun di halaman');
    show([teacher, mentor], [thread]);
    expect(highlighted(teacher, thread)).toBe('mengamati daun di halaman');

    insertAt(teacher, rangeOf(teacher, 'Siswa').from, 'Semua ');
    insertAt(teacher, rangeOf(teacher, ' di halaman').from, ' hijau');
    insertAt(teacher, rangeOf(teacher, ' sekolah').from, ' belakang');
    // Typed exactly at the edges of the quote: outside it.
    insertAt(teacher, rangeOf(teacher, 'mengamati').from, 'dengan teliti ');
    insertAt(teacher, rangeOf(teacher, ' belakang').from, ' kami');

    for (const editor of [teacher, mentor]) {
      expect(editor.getText()).toContain('Semua Siswa dengan teliti mengamati daun hijau di halaman kami belakang');
      expect(highlighted(editor, thread)).toBe('mengamati daun hijau di halaman');
      expect(placementOf(editor, thread).place.status).toBe('attached');
    }
  });

  it('the teacher’s own edits, mapped locally, land where Yjs puts them', () => {
    const { teacher } = teacherAndMentor([sentence]);
    const thread = comment(teacher, 'daun di halaman');
    show([teacher], [thread]);
    insertAt(teacher, rangeOf(teacher, 'daun').from + 2, 'u');
    teacher.view.dispatch(teacher.state.tr.delete(rangeOf(teacher, 'Siswa ').from, rangeOf(teacher, 'Siswa ').to));
    const mapped = placementOf(teacher, thread).place;
    show([teacher], [thread]); // followed again from Yjs
    expect(placementOf(teacher, thread).place).toEqual(mapped);
    expect(highlighted(teacher, thread)).toBe('dauun di halaman');
  });

  it('a paragraph split inside the quote: found again across the two paragraphs', () => {
    const { teacher, mentor } = teacherAndMentor([sentence]);
    const thread = comment(mentor, 'daun di halaman');
    show([teacher, mentor], [thread]);
    teacher.commands.setTextSelection(rangeOf(teacher, ' halaman').from);
    teacher.commands.splitBlock();
    expect(teacher.state.doc.childCount).toBe(2);
    for (const editor of [teacher, mentor]) {
      expect(placementOf(editor, thread).place.status).not.toBe('detached');
      expect(highlighted(editor, thread)).toBe('daun di halaman');
      expect(editor.view.dom.querySelectorAll(`[data-thread-id="${thread.id}"]`)).toHaveLength(2);
    }
  });

  it('a deleted quote becomes detached (no highlight, thread kept); retyped, it is found again', () => {
    const { teacher, mentor } = teacherAndMentor([sentence, 'Lalu mereka menggambar.']);
    const thread = comment(mentor, 'daun di halaman');
    show([teacher, mentor], [thread]);
    const quote = rangeOf(teacher, 'daun di halaman ');
    teacher.view.dispatch(teacher.state.tr.delete(quote.from, quote.to));
    for (const editor of [teacher, mentor]) {
      expect(placementOf(editor, thread).place).toEqual({ status: 'detached', from: null, to: null });
      expect(highlighted(editor, thread)).toBe('');
    }

    insertAt(teacher, rangeOf(teacher, 'menggambar').from, 'daun di halaman ');
    for (const editor of [teacher, mentor]) {
      expect(placementOf(editor, thread).place.status).not.toBe('detached');
      expect(highlighted(editor, thread)).toBe('daun di halaman');
    }
  });

  it('undoing the deletion brings the highlight back on the restored text', () => {
    const { teacher, mentor } = teacherAndMentor([sentence]);
    const thread = comment(mentor, 'daun di halaman');
    show([teacher, mentor], [thread]);
    // Undo takes back only this deletion, not the typing of the paragraph just before it.
    (yUndoPluginKey.getState(teacher.state) as { undoManager: Y.UndoManager }).undoManager.stopCapturing();
    const quote = rangeOf(teacher, 'daun di halaman');
    teacher.view.dispatch(teacher.state.tr.delete(quote.from, quote.to));
    expect(highlighted(mentor, thread)).toBe('');
    teacher.commands.undo();
    for (const editor of [teacher, mentor]) {
      expect(editor.getText()).toBe(sentence);
      expect(highlighted(editor, thread)).toBe('daun di halaman');
    }
  });
});

describe('the highlights', () => {
  it('carry the kind as a class and in words (tooltip), and only open threads are highlighted', () => {
    const { teacher, mentor } = teacherAndMentor(['Siswa mengamati daun. Guru bertanya.']);
    const question = comment(mentor, 'Guru bertanya', 'question');
    const strength = comment(mentor, 'mengamati daun', 'strength');
    show([teacher], [question, strength]);
    const span = teacher.view.dom.querySelector(`[data-thread-id="${question.id}"]`);
    expect(span?.className).toContain('feedback-highlight--question');
    expect(span?.getAttribute('title')).toBe('Pertanyaan — Pak Budi');

    setThreadStatus(feedbackDoc, question.id, 'resolved', 'u-sari');
    const resolved = readThreads(feedbackDoc).threads.find((thread) => thread.id === question.id) as Thread;
    show([teacher], [resolved, strength]);
    expect(highlighted(teacher, resolved)).toBe('');
    expect(highlighted(teacher, strength)).toBe('mengamati daun');
  });

  it('the caret inside a highlight makes its thread the active one', () => {
    const { teacher, mentor } = teacherAndMentor(['Siswa mengamati daun. Guru bertanya.']);
    const thread = comment(mentor, 'Guru bertanya', 'question');
    show([teacher], [thread]);
    teacher.commands.setTextSelection(rangeOf(teacher, 'bertanya').from);
    expect(feedbackHighlightsOf(teacher.state)?.activeThreadId).toBe(thread.id);
    expect(teacher.view.dom.querySelector(`[data-thread-id="${thread.id}"]`)?.className).toContain('is-active');
    teacher.commands.setTextSelection(2);
    expect(feedbackHighlightsOf(teacher.state)?.activeThreadId).toBeNull();
  });
});
