/** What a person sees and does in the Dampingi editor, named as the UI names it (Bahasa Indonesia). */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export function editorArea(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Isi draf' });
}

export function syncStatus(page: Page): Locator {
  return page.locator('[role="status"][data-sync-state]');
}

export async function waitForSyncState(page: Page, state: string, timeout = 20_000): Promise<void> {
  await page.locator(`[role="status"][data-sync-state="${state}"]`).waitFor({ timeout });
}

export async function editorText(page: Page): Promise<string> {
  // Other people's carets are widgets inside the editable area; they are not draft text.
  const text = await editorArea(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    // ProseMirror adds a trailing break / separator next to a widget at the end of a paragraph.
    for (const widget of copy.querySelectorAll(
      '.collaboration-carets__caret, br.ProseMirror-trailingBreak, img.ProseMirror-separator',
    )) {
      widget.remove();
    }
    document.body.append(copy);
    const visible = copy.innerText;
    copy.remove();
    return visible;
  });
  return text.replace(/\u00a0/g, ' ');
}

/** Places the caret at the end of the draft and types like a person (key by key). */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorArea(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

export function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Waits until both pages show exactly the same draft text, then returns it. */
export async function expectConverged(a: Page, b: Page, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let [textA, textB] = ['', ''];
  while (Date.now() < deadline) {
    [textA, textB] = await Promise.all([editorText(a), editorText(b)]);
    if (textA === textB) return textA;
    await new Promise((done) => setTimeout(done, 200));
  }
  expect(textB, 'the two editors did not converge').toBe(textA);
  return textA;
}

/**
 * Puts the caret at the end of the paragraph that starts with `text`, as a click and End would,
 * and waits until the editor has taken the new selection (a remote update in between could
 * otherwise restore the previous one).
 */
export async function placeCaretAfter(page: Page, text: string): Promise<void> {
  await editorArea(page).getByText(text).click();
  await page.keyboard.press('End');
  await page.waitForFunction((start) => {
    const selection = window.getSelection();
    const block = selection?.anchorNode?.parentElement?.closest('p, li, h1, h2, h3');
    return selection?.isCollapsed && block?.textContent?.startsWith(start);
  }, text);
  await untilEditorTakesSelection(page);
}

/**
 * Waits until the editor's own selection is the caret the page shows: ProseMirror reads the DOM
 * selection on the next selectionchange event, some time after a click or a key.
 */
export async function untilEditorTakesSelection(page: Page): Promise<void> {
  const root = await editorArea(page).elementHandle();
  await page.waitForFunction((element) => {
    type View = {
      state: { selection: { empty: boolean; from: number } };
      posAtDOM(node: Node, offset: number): number;
    };
    const view = (element as (HTMLElement & { editor?: { view: View } }) | null)?.editor?.view;
    const caret = window.getSelection();
    if (!view || !element || !caret?.anchorNode || !element.contains(caret.anchorNode)) return false;
    const { selection } = view.state;
    return selection.empty && selection.from === view.posAtDOM(caret.anchorNode, caret.anchorOffset);
  }, root);
}

/** Opens the web editor as a signed-in user, the way a mentor opens the shared link. */
export async function openWebDraft(page: Page, serverUrl: string, token: string, draftId: string): Promise<void> {
  await page.goto(`${serverUrl}/editor.html?token=${encodeURIComponent(token)}&draft=${encodeURIComponent(draftId)}`);
  await editorArea(page).waitFor();
}

/** Creates a draft over the HTTP API, as the home page's "Buat draf" does. */
export async function createDraftViaApi(serverUrl: string, token: string, title: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/drafts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create draft failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { id: string };
  return body.id;
}

/** The owner shares the draft with a new link of `role`, and the other user joins through it (over the API). */
export async function shareDraftViaApi(
  serverUrl: string,
  ownerToken: string,
  draftId: string,
  memberToken: string,
  role: 'editor' | 'commenter' | 'viewer',
): Promise<void> {
  const post = async (path: string, token: string, body: unknown) => {
    const response = await fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { secret } = await post(`/api/drafts/${encodeURIComponent(draftId)}/links`, ownerToken, { role });
  await post('/api/join', memberToken, { secret });
}
