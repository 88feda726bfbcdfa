/** What a person sees and does with feedback in the editor: the sidebar "Masukan", threads, highlights. */
import type { Locator, Page } from 'playwright-core';
import { editorArea, untilEditorTakesSelection } from './editor-page';

/** Selects `quote` with the mouse, chooses the kind, writes and sends, as a mentor gives feedback. */
export async function giveFeedback(
  page: Page,
  kind: string,
  quote: string,
  comment: string,
  suggestion?: string,
): Promise<void> {
  await selectWithMouse(page, quote);
  await feedbackSidebar(page).getByRole('button', { name: 'Beri masukan' }).click();
  const form = feedbackSidebar(page).getByRole('form', { name: 'Masukan baru' });
  if ((await form.locator('blockquote').innerText()) !== quote) throw new Error(`the form does not quote "${quote}"`);
  await form.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  if (suggestion !== undefined) await form.getByLabel('Teks pengganti yang diusulkan').fill(suggestion);
  await form.getByRole('textbox', { name: /^Komentar/ }).fill(comment);
  await form.getByRole('button', { name: 'Kirim masukan' }).click();
  await form.waitFor({ state: 'detached' });
}

export function feedbackSidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Masukan' });
}

/** The thread (an article in the sidebar) whose quote or comments contain `text`. */
export function threadCard(page: Page, text: string): Locator {
  return feedbackSidebar(page).getByRole('article').filter({ hasText: text });
}

/**
 * The thread found by `text`, then held by its id: it stays the same locator while its text changes
 * (e.g. a comment being edited is a text field, no longer text of the article).
 */
export async function heldThreadCard(page: Page, text: string): Promise<Locator> {
  const id = await threadCard(page, text).getAttribute('data-thread-id');
  return feedbackSidebar(page).locator(`article[data-thread-id="${id}"]`);
}

/**
 * Opens a folded thread with its "Selengkapnya" button (the reply box and actions appear), as a
 * person would; an open thread is left as it is.
 */
export async function openThread(thread: Locator): Promise<void> {
  const toggle = thread.getByRole('button', { name: 'Selengkapnya' });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
  await toggle.click();
  await thread.locator('button[aria-expanded="true"]').waitFor();
}

/**
 * Selects `text` in the draft with the mouse, as a person drags over it: from the left edge of its
 * first character to the right edge of its last. Works in a read-only editor too.
 */
export async function selectWithMouse(page: Page, text: string): Promise<void> {
  const box = await editorArea(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      // A long draft: the text may be out of sight, where the mouse cannot reach it.
      node.parentElement?.scrollIntoView({ block: 'center' });
      const rect = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const first = rect(at, at + 1);
      const last = rect(at + wanted.length - 1, at + wanted.length);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in one text run of the draft`);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move(box.end.x, box.end.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text);
}

/**
 * Puts the caret just before or after `text` in the draft (as a click would), and waits until the
 * editor has taken the new selection.
 */
export async function placeCaretAt(page: Page, text: string, where: 'before' | 'after'): Promise<void> {
  await editorArea(page).focus();
  await editorArea(page).evaluate(
    (root, { wanted, side }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at === -1) continue;
        window.getSelection()?.collapse(node, side === 'before' ? at : at + wanted.length);
        return;
      }
      throw new Error(`"${wanted}" not found`);
    },
    { wanted: text, side: where },
  );
  await untilEditorTakesSelection(page);
}

/** The text highlighted for feedback of `kind` in the draft (all its pieces, in order). */
export async function highlightedText(page: Page, kind: string): Promise<string> {
  return editorArea(page).evaluate(
    (root, wanted) =>
      [...root.querySelectorAll(`.feedback-highlight[data-kind="${wanted}"]`)].map((span) => span.textContent).join(''),
    kind,
  );
}
