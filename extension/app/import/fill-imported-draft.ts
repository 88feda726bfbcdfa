/**
 * Writes an imported document into a just-created draft, through the same live connection the
 * editor opens (sync/live-draft.ts): the content lands first in the draft's IndexedDB copy — the
 * one the editor page opens — and then goes to the server. So if the network drops right after the
 * draft was created, nothing is lost: the editor finds the content on this device, counts it as
 * waiting, and sends it once connected.
 */
import { fetchUpdates } from 'y-indexeddb';
import { writeImportedContent } from '../../../shared/import/imported-content';
import type { NodeJson } from '../../../shared/model/clip';
import { initialLiveDraftState, type LiveDraftState, openLiveDraft, type PendingCounts } from '../../sync/live-draft';

/** 'saved': the server has it; 'on-device': kept in this browser, sent when the editor is connected. */
export type FillOutcome = 'saved' | 'on-device';

export const IMPORT_ORIGIN = 'import';
/** How long to wait for the server before handing over to the editor, which keeps trying. */
const SERVER_WAIT_MS = 15_000;

export async function fillImportedDraft(
  options: { serverUrl: string; token: string | null; draftId: string; content: readonly NodeJson[] },
  win: Window,
  pendingCounts: PendingCounts,
  serverWaitMs = SERVER_WAIT_MS,
): Promise<FillOutcome> {
  let latest: LiveDraftState = initialLiveDraftState;
  let wake = () => {};
  const live = openLiveDraft(
    { serverUrl: options.serverUrl, token: options.token, draftId: options.draftId },
    win,
    pendingCounts,
    (state) => {
      latest = state;
      wake();
    },
  );
  const changed = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = win.setTimeout(resolve, ms);
      wake = () => {
        win.clearTimeout(timer);
        resolve();
      };
    });
  try {
    const connection = latest.connection;
    if (!connection) throw new Error('import: the draft connection did not open');
    await connection.whenLocalLoaded;
    writeImportedContent(connection.doc, options.content, IMPORT_ORIGIN);
    // A later read-write transaction on the same store runs only after the one storing the update
    // has committed: when this resolves, the content is on the device.
    await fetchUpdates(connection.persistence);
    const deadline = Date.now() + serverWaitMs;
    while (Date.now() < deadline) {
      const { status } = latest;
      if (status.state === 'offline' || status.state === 'refused' || status.state === 'write-refused') break;
      const sent = (connection.provider.ws?.bufferedAmount ?? 1) === 0;
      if (status.state === 'synced' && status.pending === 0 && sent) return 'saved';
      await changed(50);
    }
    return 'on-device';
  } finally {
    live.close();
  }
}
