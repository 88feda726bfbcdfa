/**
 * The editor's React parts under jsdom, as the tests/unit/editor-* files render them: one root in
 * a container, a bare draft editor, the app's settings, window and a fake JSON API that records
 * requests, DOM helpers that act as a user would, and `until` — waiting for what the page shows
 * next, never a fixed number of ticks. (It imports no React component of the app.)
 */
import { Editor } from '@tiptap/core';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLocaleChannel } from '../../../extension/app/common/locale-channel';
import { draftEditorExtensions, editableAttributes } from '../../../extension/app/editor-core/draft-editor-extensions';
import { feedbackPlugins } from '../../../extension/app/feedback/feedback-highlights';
import type { AppSettings, AppSettingsStore } from '../../../extension/settings/app-settings';
import type { DraftInfo } from '../../../shared/protocol/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// ---- one root ------------------------------------------------------------------------------

let root: Root | undefined;
/** The element the current render lives in (a new one after each `unmount`). */
export let container: HTMLElement;

/** Renders `node` into the page's root, made on first use; rendering again keeps the same root. */
export async function mount(node: ReactNode): Promise<HTMLElement> {
  if (!root) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  const current = root;
  await act(async () => current.render(node));
  return container;
}

export async function unmount(): Promise<void> {
  const current = root;
  root = undefined;
  if (current) act(() => current.unmount());
  container?.remove();
}

// ---- waiting ---------------------------------------------------------------------------------

/** Generous: a busy CI machine can be many times slower than a laptop. */
export const WAIT_MS = 20_000;
// A test waiting that long must not be cut off first by the default 5 s per test.
vi.setConfig({ testTimeout: WAIT_MS + 10_000 });

/**
 * Resolves with the first value of `condition` that is not false, null or undefined, letting React
 * render (inside act) between tries; fails with `what` after `timeoutMs`.
 */
export async function until<T>(
  condition: () => T | false | null | undefined,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
}

/** Waits until `text` is on the page (or in `scope`). */
export function untilText(text: string, scope: () => ParentNode | null | undefined = () => container) {
  return until(() => scope()?.textContent?.includes(text), `"${text}" to be shown`);
}

/** Waits until `selector` matches in the page (or in `scope`), and returns what it matched. */
export function untilElement<E extends Element = HTMLElement>(selector: string, scope: ParentNode = container) {
  return until(() => scope.querySelector<E>(selector), `${selector} to be shown`);
}

// ---- jsdom ------------------------------------------------------------------------------------

/** jsdom has no layout; ProseMirror asks for rectangles when scrolling the selection into view. */
export function stubLayout() {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) });
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = rect as () => DOMRect;
  document.elementFromPoint = () => null;
}

// ---- a bare draft editor ---------------------------------------------------------------------

const editors: Editor[] = [];

/** The draft editor as the page makes it (without React), on `doc` for `user`, in a new element. */
export function openDraftEditor(doc = new Y.Doc(), user = { id: 'u-sari', name: 'Bu Sari' }) {
  const locale = createLocaleChannel('id');
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: draftEditorExtensions({
      doc,
      provider: { awareness: new Awareness(doc) },
      user: { ...user, color: '#1e88e5' },
      locale,
      plugins: feedbackPlugins,
    }),
    editorProps: { attributes: editableAttributes('Isi draf') },
  });
  editors.push(editor);
  return { editor, doc, locale, element };
}

/** Destroys every editor `openDraftEditor` made (for afterEach). */
export function destroyEditors() {
  for (const editor of editors.splice(0)) editor.destroy();
}

// ---- acting as a user -------------------------------------------------------------------------

/** A button's accessible name: its aria-label, or else its text. */
const nameOf = (button: HTMLButtonElement) => button.getAttribute('aria-label') ?? button.textContent?.trim();

export const buttonTexts = (scope: ParentNode = container) =>
  [...scope.querySelectorAll('button')].map((button) => button.textContent?.trim());

export const buttonNamed = (name: string, scope: ParentNode = container) =>
  [...scope.querySelectorAll('button')].find(
    (button) => nameOf(button) === name || button.textContent?.trim() === name,
  );

export function button(name: string, scope: ParentNode = container): HTMLButtonElement {
  const found = buttonNamed(name, scope);
  if (!found) throw new Error(`no button "${name}" in ${buttonTexts(scope).join(', ')}`);
  return found;
}

/** The control a `<label>` with exactly `label` names (by `for`, or the input inside it), or one with that aria-label. */
export function field<T extends HTMLElement>(label: string, scope: ParentNode = container): T {
  const labels = [...scope.querySelectorAll('label')].filter((candidate) => candidate.textContent?.trim() === label);
  if (labels.length > 1) throw new Error(`${labels.length} fields labelled "${label}"`);
  const [found] = labels;
  const control = found
    ? found.htmlFor
      ? document.getElementById(found.htmlFor)
      : found.querySelector('input')
    : scope.querySelector(`[aria-label="${label}"]`);
  if (!control) throw new Error(`no field labelled "${label}"`);
  return control as T;
}

export async function click(element: HTMLElement | null | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
}

/** Types into a React-controlled field, as a keystroke would. */
export async function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks the option with `value` in a React-controlled select. */
export async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Picks the option shown as `text`. */
export async function chooseOption(select: HTMLSelectElement, text: string) {
  const option = [...select.options].find((candidate) => candidate.textContent?.trim() === text);
  if (!option) throw new Error(`no option "${text}" in ${[...select.options].map((o) => o.textContent).join(', ')}`);
  await choose(select, option.value);
}

// ---- the app on a fake server -----------------------------------------------------------------

export const SERVER = 'http://dampingi.test';
export const TOKEN = 'token-bu-sari';

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export const failure = (status: number, code: string, message = code) => json(status, { error: { code, message } });

/** Bu Sari's draft "LKPD Fotosintesis", as the API lists it for a user with `role`. */
export function draftInfo(role: DraftInfo['role'], more: Partial<DraftInfo> = {}): DraftInfo {
  return {
    id: 'draft-0001',
    title: 'LKPD Fotosintesis',
    ownerId: 'u-sari',
    ownerName: 'Bu Sari',
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    mediaKind: 'blank',
    role,
    ...more,
  };
}

export interface ApiRequest {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}

/** The server's JSON API as the editor sees it: each test says how it answers; requests are recorded. */
export const api = {
  requests: [] as ApiRequest[],
  answer: (_request: ApiRequest): Response => failure(404, 'not-found'),
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request: ApiRequest = {
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname,
      body: init?.body ? JSON.parse(String(init.body)) : null,
      auth: new Headers(init?.headers).get('authorization'),
    };
    api.requests.push(request);
    return Promise.resolve(api.answer(request));
  },
};

/**
 * A new page for each test (call in beforeEach): nothing saved in localStorage from the one
 * before, and `answer` as the API.
 */
export function freshPage(answer: (request: ApiRequest) => Response) {
  localStorage.clear();
  serveApi(answer);
}

/** Unmounts the page and puts the real fetch back (for afterEach). */
export async function closePage() {
  await unmount();
  vi.unstubAllGlobals();
}

/** Makes `answer` the API's (as the global fetch), with no requests recorded yet. */
export function serveApi(answer: (request: ApiRequest) => Response) {
  api.requests = [];
  api.answer = answer;
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => api.fetch(input, init)),
  );
}

/**
 * The settings store, in memory; `current` is what was last saved. It holds a bearer token, as the
 * extension's pages do (the web app's cookie session has its own tests: web-sign-in.test.tsx).
 */
export function memoryStore(initial: Partial<AppSettings> = {}): AppSettingsStore & { current: AppSettings } {
  return {
    serverIsConfigurable: true,
    current: { serverUrl: SERVER, token: TOKEN, language: 'id', ...initial },
    async load() {
      return this.current;
    },
    async save(patch) {
      this.current = { ...this.current, ...patch };
      return this.current;
    },
  };
}

export interface PageWindowOptions {
  /** Offline: a draft opens from IndexedDB and no socket is tried; the API is still the fake fetch. */
  offline?: boolean;
  location?: Partial<Location>;
  confirm?: (message?: string) => boolean;
}

/** The editor page's window at `editor.html{search}`, with what the page uses of it. */
export function pageWindow(search = '', options: PageWindowOptions = {}): Window {
  const events = new EventTarget();
  return {
    location: {
      search,
      href: `${SERVER}/editor.html${search}`,
      origin: SERVER,
      assign: vi.fn(),
      replace: vi.fn(),
      ...options.location,
    },
    localStorage: window.localStorage,
    document: window.document,
    navigator: options.offline ? { onLine: false, clipboard: { writeText: vi.fn(async () => {}) } } : window.navigator,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    confirm: options.confirm ?? vi.fn(() => true),
    prompt: vi.fn(),
    alert: vi.fn(),
  } as unknown as Window;
}

/**
 * Waits until the draft page shows the draft's info from the API (its title as the heading: from
 * then on the role is known) and, unless `editor` is false, the editor on the opened document.
 */
export function untilDraftOpen(options: { title?: string; editor?: boolean } = {}) {
  const { title = 'LKPD Fotosintesis', editor = true } = options;
  return until(
    () =>
      container.querySelector('.draft-heading h1')?.textContent === title &&
      (!editor || container.querySelector('[role="textbox"]') !== null),
    `the draft "${title}" to be open${editor ? ' in the editor' : ''}`,
  );
}
