// @vitest-environment jsdom
/**
 * The feedback sidebar beside the draft, as teacher and mentor use it: an accessible region
 * "Masukan" with threads as articles (kind in words, quote, comments), new feedback from the
 * selection, what each role is offered, filters, detached threads, the keyboard path from a
 * highlight to its thread, and the open count in the draft list.
 */
import type { Editor } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DraftSession } from '../../extension/app/common/use-draft-connection';
import { DraftList } from '../../extension/app/drafts/DraftList';
import { DraftWorkspace } from '../../extension/app/drafts/DraftWorkspace';
import { createAnchor } from '../../extension/app/feedback/anchor-positions';
import { documentText, positionsOf } from '../../extension/app/feedback/document-text';
import { feedbackRights } from '../../extension/app/feedback/feedback-rights';
import { I18nProvider } from '../../extension/components/i18n';
import type { DraftConnection } from '../../extension/sync/draft-connection';
import type { Role } from '../../shared/auth/roles';
import { createTranslator } from '../../shared/i18n';
import * as clipStrings from '../../shared/i18n/catalogs/clip';
import * as commonStrings from '../../shared/i18n/catalogs/common';
import * as editorStrings from '../../shared/i18n/catalogs/editor';
import * as feedbackStrings from '../../shared/i18n/catalogs/feedback';
import * as referenceStrings from '../../shared/i18n/catalogs/references';
import * as sharingStrings from '../../shared/i18n/catalogs/sharing';
import type { FeedbackKind } from '../../shared/mentoring/thread-schema';
import { addReply, addThread, readThreads } from '../../shared/mentoring/threads';
import { draftFragment } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import {
  button,
  choose,
  container,
  draftInfo,
  mount,
  stubLayout,
  typeInto,
  unmount,
  until,
} from './support/editor-harness';

beforeAll(stubLayout);

const SARI = { id: 'u-sari', name: 'Bu Sari' };
const BUDI = { id: 'u-budi', name: 'Pak Budi' };
const SENTENCES = ['Tujuan: siswa memahami fotosintesis.', 'Kegiatan: siswa mengamati daun di halaman.'];

const confirm = vi.fn(() => true);

afterEach(unmount);

function contentDoc(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    draftSchema(),
    { type: 'doc', content: SENTENCES.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    draftFragment(doc),
  );
  return doc;
}

/** The draft page's workspace for `role`, on a content document and a feedback document. */
async function render(role: Role, me = role === 'commenter' ? BUDI : SARI) {
  const content = contentDoc();
  const feedback = new Y.Doc();
  const connection = { doc: content, provider: { awareness: new Awareness(content) } } as unknown as DraftConnection;
  const session = {
    connection: { doc: feedback },
    status: { state: 'synced', pending: 0, reason: null },
    writeRefusal: null,
    discardedText: null,
  } as unknown as DraftSession;
  const editable = role === 'owner' || role === 'editor';
  const win = { confirm, document, requestAnimationFrame: undefined } as unknown as Window;
  await mount(
    <I18nProvider language="id" onLanguageChange={() => {}}>
      <DraftWorkspace
        connection={connection}
        feedback={session}
        user={{ ...me, color: '#1e88e5' }}
        author={me}
        editable={editable}
        rights={feedbackRights(role, null, editable)}
        win={win}
      />
    </I18nProvider>,
  );
  const editor = (container.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
  // The sidebar's code loads as the draft opens (DraftWorkspace): there once it has.
  await until(() => container.querySelector('aside'), 'the feedback sidebar to load');
  return { content, feedback, editor };
}

function rangeOf(editor: Editor, text: string) {
  const source = documentText(editor.state.doc);
  const at = source.text.indexOf(text);
  return positionsOf(source, { from: at, to: at + text.length }) as { from: number; to: number };
}

/** Feedback written elsewhere (another person's browser) arriving in the feedback document. */
async function feedbackArrives(editor: Editor, feedback: Y.Doc, quote: string, kind: FeedbackKind, body: string) {
  const made = createAnchor(editor.state, rangeOf(editor, quote));
  if (!made.ok) throw new Error(made.reason);
  let id = '';
  await act(async () => {
    id = addThread(feedback, { kind, anchor: made.anchor, body, suggestion: kind === 'suggestion' ? 'x' : null }, BUDI);
  });
  return id;
}

function addReplyAs(feedback: Y.Doc, threadId: string, body: string) {
  addReply(feedback, threadId, body, SARI);
}

const sidebar = () => container.querySelector('aside') as HTMLElement;
const articles = () => [...sidebar().querySelectorAll('article')];
/** The buttons a person can see in `scope` (a folded thread's hidden part left out). */
const buttonsOf = (scope: ParentNode) =>
  [...scope.querySelectorAll('button')].filter((button) => !button.closest('[hidden]')).map((b) => b.textContent);
const toggleOf = (article: Element) => article.querySelector('button[aria-expanded]') as HTMLButtonElement;
/** Opens a folded thread with its "Selengkapnya" button, as a person would. */
async function openThread(article: Element | undefined) {
  const toggle = toggleOf(article as Element);
  if (toggle.getAttribute('aria-expanded') === 'false') await act(async () => toggle.click());
}

function select(label: string): HTMLSelectElement {
  const labelElement = [...sidebar().querySelectorAll('label')].find((candidate) => candidate.textContent === label);
  return document.getElementById(labelElement?.htmlFor ?? '') as HTMLSelectElement;
}

describe('the feedback sidebar', () => {
  it('is a region named "Masukan"; a thread is an article named by its kind in words, with the quote and comments', async () => {
    const { editor, feedback } = await render('owner');
    const region = sidebar();
    const heading = document.getElementById(region.getAttribute('aria-labelledby') ?? '');
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('Masukan');
    expect(region.textContent).toContain('Belum ada masukan.');

    await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Tambahkan contoh.');
    const [article] = articles();
    const name = document.getElementById(article?.getAttribute('aria-labelledby') ?? '');
    expect(name?.textContent).toBe('Perbaikan dari Pak Budi');
    expect(article?.querySelector('blockquote[aria-label="Teks yang dikomentari"]')?.textContent).toBe(
      'siswa memahami',
    );
    expect(article?.querySelector('.feedback-comment-body')?.textContent).toBe('Tambahkan contoh.');
    expect(region.textContent).toContain('1 terbuka · 0 selesai');
    expect(editor.view.dom.querySelector('.feedback-highlight--improvement')?.textContent).toBe('siswa memahami');
  });

  it('the mentor selects text, chooses a kind and writes: a thread in their name, anchored to that text', async () => {
    const { editor, feedback } = await render('commenter');
    expect(button('Beri masukan', sidebar()).disabled).toBe(true);
    await act(async () => editor.commands.setTextSelection(rangeOf(editor, 'mengamati daun')));
    await act(async () => button('Beri masukan', sidebar()).click());
    const form = sidebar().querySelector('form') as HTMLFormElement;
    expect(form.querySelector('blockquote')?.textContent).toBe('mengamati daun');
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
    await act(async () => (form.querySelector('input[value="question"]') as HTMLInputElement).click());
    await typeInto(document.activeElement as HTMLTextAreaElement, 'Daun apa saja?');
    await act(async () => button('Kirim masukan', form).click());

    const [thread] = readThreads(feedback).threads;
    expect(thread).toMatchObject({ kind: 'question', authorId: 'u-budi', authorName: 'Pak Budi', status: 'open' });
    expect(thread?.anchor.quote).toBe('mengamati daun');
    expect(thread?.anchor.prefix).toBe('i fotosintesis.\nKegiatan: siswa '); // 32 characters, across the block
    expect(thread?.anchor.suffix).toBe(' di halaman.');
    expect(thread?.comments.map((comment) => comment.body)).toEqual(['Daun apa saja?']);
    expect(articles()).toHaveLength(1);
  });

  it('a commenter may reply and edit their own comment, but is not offered resolve or accept; the owner is', async () => {
    const mentor = await render('commenter');
    await feedbackArrives(mentor.editor, mentor.feedback, 'siswa memahami', 'suggestion', 'Usul.');
    expect(buttonsOf(articles()[0] as HTMLElement)).toEqual(['Selengkapnya']);
    await openThread(articles()[0]);
    expect(buttonsOf(articles()[0] as HTMLElement)).toEqual([
      'Ubah komentar',
      'Hapus komentar',
      'Selengkapnya',
      'Tampilkan di teks',
      'Balas',
    ]);
    await unmount();

    const owner = await render('owner');
    await feedbackArrives(owner.editor, owner.feedback, 'siswa memahami', 'suggestion', 'Usul.');
    // Accepting stays one click away on a folded thread; the rest waits until it is opened.
    expect(buttonsOf(articles()[0] as HTMLElement)).toEqual(['Terima saran', 'Selengkapnya']);
    await openThread(articles()[0]);
    expect(buttonsOf(articles()[0] as HTMLElement)).toEqual([
      'Terima saran',
      'Selengkapnya',
      'Tampilkan di teks',
      'Tolak saran',
      'Selesaikan',
      'Balas',
    ]);
    expect(feedbackRights('viewer', null, false)).toEqual({ write: false, resolve: false, decide: false });
    expect(feedbackRights('owner', { code: 'read-only', role: 'viewer', room: 'x' }, true).write).toBe(false);
  });

  it('filters by kind and by status (open first; resolved on asking)', async () => {
    const { editor, feedback } = await render('owner');
    await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Perjelas.');
    await feedbackArrives(editor, feedback, 'mengamati daun', 'question', 'Daun apa?');
    expect(articles().map((article) => article.dataset.kind)).toEqual(['improvement', 'question']);

    await choose(select('Jenis'), 'question');
    expect(articles().map((article) => article.dataset.kind)).toEqual(['question']);
    await openThread(articles()[0]);
    await act(async () => button('Selesaikan', articles()[0] as HTMLElement).click());
    expect(articles()).toHaveLength(0);
    expect(sidebar().textContent).toContain('Tidak ada masukan yang cocok dengan saringan.');
    await choose(select('Status'), 'resolved');
    expect(articles().map((article) => article.dataset.status)).toEqual(['resolved']);
    expect(editor.view.dom.querySelector('.feedback-highlight--question')).toBeNull();
  });

  it('a thread whose text is gone stays listed and says "Teks yang dikomentari sudah tidak ada"', async () => {
    const { editor, feedback } = await render('owner');
    await feedbackArrives(editor, feedback, 'mengamati daun', 'strength', 'Bagus.');
    const gone = rangeOf(editor, 'mengamati daun ');
    await act(async () => editor.view.dispatch(editor.state.tr.delete(gone.from, gone.to)));
    const [article] = articles();
    expect(article?.dataset.detached).toBe('true');
    expect(article?.querySelector('[role="note"]')?.textContent).toBe('Teks yang dikomentari sudah tidak ada');
    expect(article?.querySelector('blockquote')?.textContent).toBe('mengamati daun');
    await openThread(article);
    expect(buttonsOf(article as HTMLElement)).not.toContain('Tampilkan di teks');
  });

  it('Ctrl+Alt+M in highlighted text moves focus to its thread; "Tampilkan di teks" selects the text again', async () => {
    const { editor, feedback } = await render('owner');
    await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Perjelas.');
    const id = await feedbackArrives(editor, feedback, 'mengamati daun', 'question', 'Daun apa?');
    await act(async () => editor.commands.setTextSelection(rangeOf(editor, 'daun').from));
    expect(sidebar().querySelector(`article[data-thread-id="${id}"]`)?.classList).toContain('is-active');
    await act(async () =>
      editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', ctrlKey: true, altKey: true })),
    );
    // The sidebar focuses the thread once the browser has painted it (afterPaint).
    await until(() => document.activeElement?.getAttribute('data-thread-id') === id, 'the thread to take the focus');
    expect(document.activeElement?.getAttribute('data-thread-id')).toBe(id);
    // Reached this way the thread is open: its actions and reply box are there to use.
    expect(toggleOf(document.activeElement as Element).getAttribute('aria-expanded')).toBe('true');
    expect(buttonsOf(document.activeElement as Element)).toContain('Balas');

    await act(async () => editor.commands.setTextSelection(1));
    await act(async () => button('Tampilkan di teks', document.activeElement as HTMLElement).click());
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('mengamati daun');
  });

  it('a thread is folded to its first comment and reply count until opened, one at a time', async () => {
    const { editor, feedback } = await render('owner');
    const first = await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Perjelas tujuannya.');
    await feedbackArrives(editor, feedback, 'mengamati daun', 'question', 'Daun apa?');
    await act(async () => {
      addReplyAs(feedback, first, 'Baik, saya perjelas.');
      addReplyAs(feedback, first, 'Sudah saya ubah.');
    });
    const [improvement, question] = articles() as [HTMLElement, HTMLElement];
    expect(improvement.querySelector('.feedback-first-comment')?.textContent).toBe('Perjelas tujuannya.');
    expect(improvement.textContent).toContain('2 balasan');
    expect(improvement.textContent).not.toContain('Sudah saya ubah.');
    expect(question.textContent).toContain('Belum ada balasan');
    for (const article of [improvement, question]) {
      expect(toggleOf(article).getAttribute('aria-expanded')).toBe('false');
      const more = document.getElementById(toggleOf(article).getAttribute('aria-controls') ?? '');
      expect(more?.hidden).toBe(true);
      expect(more?.querySelector('textarea')).not.toBeNull();
    }

    await act(async () => toggleOf(improvement).click());
    expect(toggleOf(improvement).getAttribute('aria-expanded')).toBe('true');
    expect(improvement.textContent).toContain('Sudah saya ubah.');
    expect(buttonsOf(improvement).slice(-4)).toEqual(['Selengkapnya', 'Tampilkan di teks', 'Selesaikan', 'Balas']);

    // A click on the other thread's text opens it and folds the first.
    await act(async () => (question.querySelector('blockquote') as HTMLElement).click());
    expect(toggleOf(question).getAttribute('aria-expanded')).toBe('true');
    expect(toggleOf(improvement).getAttribute('aria-expanded')).toBe('false');

    // Escape folds it again and leaves the focus on its button; Enter on the focused thread opens it.
    (question.querySelector('textarea') as HTMLTextAreaElement).focus();
    await act(async () =>
      question.querySelector('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(toggleOf(question).getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggleOf(question));
    question.focus();
    await act(async () => question.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(toggleOf(question).getAttribute('aria-expanded')).toBe('true');
  });

  it('a reply being written keeps its thread open when the focus leaves; an empty one folds', async () => {
    const { editor, feedback } = await render('owner');
    await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Perjelas.');
    const [article] = articles() as [HTMLElement];
    await openThread(article);
    const reply = article.querySelector('textarea') as HTMLTextAreaElement;
    reply.focus();
    await typeInto(reply, 'Baik.');
    await act(async () => editor.view.dom.focus());
    expect(toggleOf(article).getAttribute('aria-expanded')).toBe('true');
    reply.focus();
    await typeInto(reply, '');
    await act(async () => editor.view.dom.focus());
    expect(toggleOf(article).getAttribute('aria-expanded')).toBe('false');
  });

  it('clicking a highlight in the text opens its thread', async () => {
    const { editor, feedback } = await render('owner');
    const id = await feedbackArrives(editor, feedback, 'mengamati daun', 'question', 'Daun apa?');
    await act(async () => editor.commands.setTextSelection(rangeOf(editor, 'daun').from));
    const card = sidebar().querySelector(`article[data-thread-id="${id}"]`) as HTMLElement;
    expect(toggleOf(card).getAttribute('aria-expanded')).toBe('true');
  });

  it('hovering a highlight marks its thread, and hovering a thread marks its highlight', async () => {
    const { editor, feedback } = await render('owner');
    const first = await feedbackArrives(editor, feedback, 'siswa memahami', 'improvement', 'Perjelas.');
    const second = await feedbackArrives(editor, feedback, 'mengamati daun', 'question', 'Daun apa?');
    const card = (id: string) => sidebar().querySelector(`article[data-thread-id="${id}"]`) as HTMLElement;
    const highlight = (id: string) => editor.view.dom.querySelector(`[data-thread-id="${id}"]`) as HTMLElement;

    await act(async () => highlight(second).dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(card(second).classList).toContain('is-active');
    expect(card(first).classList).not.toContain('is-active');

    await act(async () => card(first).dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(highlight(first).classList).toContain('is-active');
  });
});

describe('the draft list', () => {
  const draft = draftInfo('owner');

  it('says how much feedback is still open per draft, and nothing when none is (or the server does not say)', async () => {
    const drafts = [
      { ...draft, openFeedback: 3 },
      { ...draft, id: 'draft-0002', openFeedback: 0 },
      { ...draft, id: 'draft-0003' },
    ];
    await mount(
      <I18nProvider language="id" onLanguageChange={() => {}}>
        <DraftList drafts={drafts} />
      </I18nProvider>,
    );
    const items = [...container.querySelectorAll('li')].map((item) => item.textContent ?? '');
    expect(items[0]).toContain('3 masukan terbuka');
    expect(items[1]).not.toContain('masukan');
    expect(items[2]).not.toContain('masukan');
  });
});

describe('the feedback strings', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('exist in Bahasa Indonesia and English with the same placeholders, and no other area uses their keys', () => {
    const id: Record<string, string> = feedbackStrings.id;
    const en: Record<string, string> = feedbackStrings.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id)) {
      expect(id[key]?.trim(), key).not.toBe('');
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(id[key] ?? ''));
    }
    const others = [clipStrings, commonStrings, editorStrings, referenceStrings, sharingStrings].flatMap((area) =>
      Object.keys(area.id),
    );
    expect(Object.keys(id).filter((key) => others.includes(key))).toEqual([]);
    expect(createTranslator('en')('feedback.thread.label', { kind: 'Question', name: 'Pak Budi' })).toBe(
      'Question from Pak Budi',
    );
  });
});
