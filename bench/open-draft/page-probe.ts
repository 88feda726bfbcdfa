/**
 * What the page under test measures about itself, from navigation start (`performance.now()`): an
 * init script, run before any of the page's own scripts, watches the DOM with a MutationObserver
 * (and every animation frame, as a backstop) and stamps the frame in which each milestone shows.
 * It is plain JavaScript in a string: Playwright would otherwise ship the transpiled function text.
 */
import { z } from 'zod';

export interface ProbeConfig {
  /** The element whose children are the document's paragraphs. */
  rootSelector: string;
  firstParagraph: string;
  lastParagraph: string;
  /** Interactive: this character, typed into the first paragraph, is shown... */
  marker: string | null;
  /** ...and (when set) an element matching this selector is present, e.g. the synced badge. */
  readySelector: string | null;
  /** The sync socket to time (the path of its URL), if the page has one. */
  socketPath: string | null;
}

const msOrNull = z.number().nullable();

/** Each milestone as the frame time after the DOM first had it; `*Dom` the DOM mutation itself. */
export const ProbeMarksSchema = z.object({
  firstRenderDom: msOrNull,
  firstRender: msOrNull,
  fullRenderDom: msOrNull,
  fullRender: msOrNull,
  /** The root became editable (`contenteditable="true"`) with the first paragraph shown. */
  editable: msOrNull,
  /** The first keystroke: when it was sent (its `timeStamp`), and when the page got to handle it. */
  keydown: msOrNull,
  keydownHandled: msOrNull,
  /** The typed marker first in the DOM. */
  typed: msOrNull,
  /** The ready selector (the synced badge) first matched. */
  ready: msOrNull,
  interactive: msOrNull,
  /** Browser-reported paint of any content (for our editor: its app shell, before the draft). */
  firstContentfulPaint: msOrNull,
  /** The page's scripts have run (module scripts run before it). */
  domContentLoaded: msOrNull,
  /** The last JSON API answer (`/api/…`) that arrived before the sync socket was opened. */
  apiAnswered: msOrNull,
  /** The sync socket: created, open, first message, and the largest message before first render (the draft). */
  socketCreated: msOrNull,
  socketOpen: msOrNull,
  socketFirstMessage: msOrNull,
  socketDraftMessage: msOrNull,
});
export type ProbeMarks = z.infer<typeof ProbeMarksSchema>;

const PROBE_TEMPLATE = `(() => {
  const config = __CONFIG__;
  const marks = {
    firstRenderDom: null, firstRender: null, fullRenderDom: null, fullRender: null, editable: null,
    keydown: null, keydownHandled: null, typed: null, ready: null, interactive: null, firstContentfulPaint: null,
    domContentLoaded: null, apiAnswered: null, socketCreated: null, socketOpen: null, socketFirstMessage: null,
    socketDraftMessage: null,
  };
  const waiters = {};
  const when = (name) => new Promise((resolve) => {
    if (marks[name] !== null) resolve(marks[name]);
    else (waiters[name] = waiters[name] || []).push(resolve);
  });
  const mark = (name, time) => {
    if (marks[name] !== null) return;
    marks[name] = time;
    for (const resolve of waiters[name] || []) resolve(time);
  };
  // Stamped in the animation frame after the DOM change: the frame that paints it.
  const framed = (name) => requestAnimationFrame(() => mark(name, performance.now()));
  const seen = { first: false, full: false, interactive: false };
  const lastMatches = (root) => {
    const children = root.children;
    for (let i = children.length - 1; i >= Math.max(0, children.length - 3); i--) {
      if (children[i].textContent === config.lastParagraph) return true;
    }
    return false;
  };
  const check = () => {
    if (config.readySelector !== null && marks.ready === null && document.querySelector(config.readySelector) !== null) {
      mark('ready', performance.now());
    }
    const root = document.querySelector(config.rootSelector);
    if (!root) return;
    const first = root.firstElementChild ? root.firstElementChild.textContent : null;
    const now = performance.now();
    if (!seen.first && first !== null && first.startsWith(config.firstParagraph)) {
      seen.first = true;
      mark('firstRenderDom', now);
      framed('firstRender');
    }
    if (!seen.full && lastMatches(root)) {
      seen.full = true;
      mark('fullRenderDom', now);
      framed('fullRender');
    }
    if (seen.first && marks.editable === null && root.getAttribute('contenteditable') === 'true') mark('editable', now);
    if (config.marker !== null && !seen.interactive && first !== null && first.includes(config.marker)) {
      mark('typed', now);
      if (config.readySelector === null || document.querySelector(config.readySelector) !== null) {
        seen.interactive = true;
        framed('interactive');
      }
    }
  };
  const done = () => seen.first && seen.full && (config.marker === null || seen.interactive);
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['contenteditable', 'data-sync-state'],
  });
  const poll = () => { check(); if (!done()) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
  document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded', performance.now()));
  addEventListener('keydown', (event) => {
    mark('keydown', event.timeStamp);
    mark('keydownHandled', performance.now());
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') mark('firstContentfulPaint', entry.startTime);
    }
  }).observe({ type: 'paint', buffered: true });
  if (config.socketPath !== null) {
    // Watches the sync socket from outside: the page's own code still gets a plain WebSocket.
    let largest = -1;
    window.WebSocket = new Proxy(window.WebSocket, {
      construct(target, args, newTarget) {
        const socket = Reflect.construct(target, args, newTarget);
        if (new URL(String(args[0]), location.href).pathname === config.socketPath && marks.socketCreated === null) {
          mark('socketCreated', performance.now());
          socket.addEventListener('open', () => mark('socketOpen', performance.now()));
          socket.addEventListener('message', (event) => {
            const now = performance.now();
            mark('socketFirstMessage', now);
            const size = event.data.byteLength !== undefined ? event.data.byteLength : event.data.size || 0;
            if (!seen.first && size > largest) {
              largest = size;
              marks.socketDraftMessage = now;
            }
          });
        }
        return socket;
      },
    });
  }
  const snapshot = () => {
    const before = marks.socketCreated === null ? Infinity : marks.socketCreated;
    for (const entry of performance.getEntriesByType('resource')) {
      if (!new URL(entry.name).pathname.startsWith('/api/') || entry.startTime > before) continue;
      if (marks.apiAnswered === null || entry.responseEnd > marks.apiAnswered) marks.apiAnswered = entry.responseEnd;
    }
    return JSON.stringify(marks);
  };
  window.__openDraftProbe = { marks, when, snapshot };
})();`;

export function probeScript(config: ProbeConfig): string {
  return PROBE_TEMPLATE.replace('__CONFIG__', () => JSON.stringify(config));
}

/** Page-side expression: resolves with the milestone's time once reached (the probe may not exist yet). */
export function whenExpression(milestone: keyof ProbeMarks): string {
  return `new Promise((resolve) => {
    const wait = () => window.__openDraftProbe ? window.__openDraftProbe.when(${JSON.stringify(milestone)}).then(resolve) : setTimeout(wait, 5);
    wait();
  })`;
}

/**
 * Page-side expression: once the root is editable, where to click to put the caret after the first
 * paragraph's last character (the bottom-right corner of its box), in viewport pixels.
 */
export function caretPointExpression(rootSelector: string): string {
  return `${whenExpression('editable')}.then(() => {
    const first = document.querySelector(${JSON.stringify(rootSelector)}).firstElementChild;
    first.scrollIntoView({ block: 'end' });
    const box = first.getBoundingClientRect();
    return { x: box.right - 2, y: box.bottom - 2 };
  })`;
}

export const MARKS_EXPRESSION = 'window.__openDraftProbe.snapshot()';

export function parseMarks(json: unknown): ProbeMarks {
  return ProbeMarksSchema.parse(JSON.parse(String(json)));
}
