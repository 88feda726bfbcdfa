// @vitest-environment jsdom
/**
 * "Batalkan ekspor" is honoured whatever step the export is in: while a picture is being decoded
 * (a promise that may never settle), right after the one long synchronous step (packing, during
 * which the click could only wait in the queue), and in the dialog at once — and a cancelled run
 * never saves a file.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ExportRequest, runExport } from '../../extension/app/export/run-export';
import { type ExportState, useExport } from '../../extension/app/export/use-export';
import { untilAborted } from '../../shared/export/pace';
import { lessonDocs } from './export-fixtures';
import { mount, unmount } from './support/editor-harness';

// A WebP picture (only its header matters): Word cannot hold it, so the browser must convert it.
const WEBP = `data:image/webp;base64,${btoa('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ')}`;

function request(format: ExportRequest['format'], withWebp = false): ExportRequest {
  const { draft, feedback } = lessonDocs();
  if (withWebp) {
    // The lesson's picture becomes a WebP one.
    const fragment = draft.getXmlFragment('default');
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const element = node as {
        nodeName?: string;
        setAttribute?: (k: string, v: string) => void;
        toArray?: () => unknown[];
      };
      if (element.nodeName === 'image') element.setAttribute?.('src', WEBP);
      for (const child of element.toArray?.() ?? []) walk(child);
    };
    draft.transact(() => walk(fragment));
  }
  return {
    draft,
    feedback,
    title: 'LKPD Pecahan Senilai',
    language: 'id',
    format,
    markdownImages: 'inline',
    includeFeedback: false,
    includePlan: false,
  };
}

let saved: string[];
let decodes: number;

beforeEach(() => {
  saved = [];
  decodes = 0;
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  // The browser's decoder, stalled (a broken file, a starved tab): it never answers.
  (window as { createImageBitmap?: unknown }).createImageBitmap = () => {
    decodes += 1;
    return new Promise(() => {});
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { createImageBitmap?: unknown }).createImageBitmap;
});

// A deadline, not a wait: a cancel settles the run in the same task (microtasks), before any timer,
// so these pass at once on any machine; waiting for the picture instead (15 s) would fail them.
const within = <T,>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

describe('cancelling an export', () => {
  it('ends as cancelled at once while a picture is still being decoded, and saves nothing', async () => {
    const controller = new AbortController();
    const run = runExport(request('docx', true), window, { signal: controller.signal });
    await vi.waitFor(() => expect(decodes).toBe(1));
    controller.abort();
    await expect(within(run, 200)).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(saved).toEqual([]);
  });

  it('honours a cancel that was queued during packing, the last long step, and saves nothing', async () => {
    const controller = new AbortController();
    const outcome = await runExport(request('docx'), window, {
      signal: controller.signal,
      onProgress: (fraction) => {
        // Progress 1 is reported in the same task as packing: a click meanwhile runs only after it.
        if (fraction === 1) setTimeout(() => controller.abort(), 0);
      },
    });
    expect(outcome).toEqual({ ok: false, reason: 'cancelled' });
    expect(saved).toEqual([]);
  });

  it('saves the file when nobody cancels', async () => {
    const outcome = await runExport(request('html'), window, {});
    expect(outcome).toMatchObject({ ok: true, fileName: 'lkpd-pecahan-senilai.html' });
    expect(saved).toEqual(['lkpd-pecahan-senilai.html']);
  });

  it('stops waiting for a promise that ignores the signal', async () => {
    const controller = new AbortController();
    const never = untilAborted(new Promise(() => {}), controller.signal);
    controller.abort();
    await expect(within(never, 50)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });
});

// What the dialog gets from the hook, kept for the test to drive and read.
let hook: ReturnType<typeof useExport>;
const states: ExportState[] = [];

function Probe() {
  hook = useExport(window);
  states.push(hook.state);
  return null;
}

describe('the export dialog state', () => {
  beforeEach(async () => {
    states.length = 0;
    await mount(<Probe />);
  });

  afterEach(unmount);

  it('says "cancelled" as soon as the user cancels, even while the conversion is stuck', async () => {
    let run: Promise<void> = Promise.resolve();
    await act(async () => {
      run = hook.start(request('docx', true));
    });
    await vi.waitFor(() => expect(decodes).toBe(1));
    expect(hook.state).toMatchObject({ kind: 'running' });
    act(() => hook.cancel());
    expect(hook.state).toEqual({ kind: 'ended', ok: false, reason: 'cancelled' });
    await act(() => within(run, 200));
    expect(hook.state).toEqual({ kind: 'ended', ok: false, reason: 'cancelled' });
    expect(saved).toEqual([]);
  });

  it('keeps "cancelled" when the cancelled run reports later, and never saves its file', async () => {
    let run: Promise<void> = Promise.resolve();
    await act(async () => {
      run = hook.start(request('html'));
      // Cancelled before the conversion has had a single turn.
      hook.cancel();
    });
    await act(() => run);
    expect(hook.state).toEqual({ kind: 'ended', ok: false, reason: 'cancelled' });
    expect(states.at(-1)).toEqual({ kind: 'ended', ok: false, reason: 'cancelled' });
    // The run has ended (awaited above): a file it saved would be there by now.
    expect(saved).toEqual([]);
  });

  it('ends as done when it finishes, and a late click on cancel does not pretend otherwise', async () => {
    await act(() => hook.start(request('html')));
    expect(hook.state).toMatchObject({ kind: 'ended', ok: true, fileName: 'lkpd-pecahan-senilai.html' });
    act(() => hook.cancel());
    expect(hook.state).toMatchObject({ kind: 'ended', ok: true });
    expect(saved).toEqual(['lkpd-pecahan-senilai.html']);
  });
});
