/**
 * Taking a clip: read the selection from the tab, convert it in the offscreen document, build and
 * check the Clip, put it in the outbox, and only then try to deliver it. Once the outbox has it,
 * the answer is never a failure: it is either delivered or queued.
 */
import { clipToNode } from '../../shared/model/clip-to-node';
import { ClipSchema } from '../../shared/protocol/clip';
import type {
  BackgroundRequest,
  ClipSelectionReply,
  OffscreenConvertReply,
} from '../../shared/protocol/extension-messages';
import type { ClipPreferences } from '../clip/clip-preferences';
import { clipSourceOf, parsePageSelection } from '../clip/page-selection';
import type { Delivery } from '../outbox/delivery';
import { newOutboxEntry, normalizeServerUrl, type Outbox } from '../outbox/outbox';
import type { AppSettingsStore } from '../settings/app-settings';
import type { PageReadResult } from './page-reader';

export type ClipSelectionRequest = Extract<BackgroundRequest, { type: 'clip-selection' }>;

export interface ClipSelectionDeps {
  settings: AppSettingsStore;
  preferences: ClipPreferences;
  readPage: (tabId: number, frameId?: number) => Promise<PageReadResult>;
  convertHtml: (html: string) => Promise<OffscreenConvertReply>;
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  /** Called whenever the number of waiting clips may have changed. */
  onOutboxChanged?: () => void;
  now?: () => Date;
  newClipId?: () => string;
}

export async function clipSelection(
  request: ClipSelectionRequest,
  deps: ClipSelectionDeps,
): Promise<ClipSelectionReply> {
  const settings = await deps.settings.load();
  if (!settings.token) return { ok: false, reason: 'not-signed-in' };

  const page = await deps.readPage(request.tabId, request.frameId);
  if (!page.ok) return page;
  const selection = parsePageSelection(page.raw);
  if (!selection.ok) return selection;

  const converted = await deps.convertHtml(selection.selection.html);
  if (!converted.ok) return converted;

  const now = deps.now?.() ?? new Date();
  const parsed = ClipSchema.safeParse({
    clipId: deps.newClipId?.() ?? crypto.randomUUID(),
    draftId: request.draftId,
    kind: 'selection',
    source: clipSourceOf(selection.selection, now),
    content: converted.content,
  });
  if (!parsed.success) {
    console.error('clip: clip does not match ClipSchema', parsed.error.issues);
    return { ok: false, reason: 'invalid-content' };
  }
  const clip = parsed.data;
  const checked = clipToNode(clip);
  if (!checked.ok) {
    console.error('clip: content refused by the draft schema', checked.detail);
    return { ok: false, reason: 'invalid-content' };
  }

  const entry = newOutboxEntry(normalizeServerUrl(settings.serverUrl), clip, now);
  try {
    await (await deps.outbox()).put(entry);
  } catch (error) {
    console.error('clip: could not store the clip in the outbox', error);
    return { ok: false, reason: 'outbox-failed' };
  }
  deps.onOutboxChanged?.();
  await deps.preferences
    .setLastDraftId(request.draftId)
    .catch((error) => console.error('clip: could not remember the chosen draft', error));

  const outcome = await deps.delivery
    .deliver(entry, settings.token)
    .catch((error): { delivered: false; problem: 'server-error' } => {
      console.error('clip: delivery failed unexpectedly; the clip stays in the outbox', error);
      return { delivered: false, problem: 'server-error' };
    });
  deps.onOutboxChanged?.();
  return outcome.delivered
    ? { ok: true, clipId: clip.clipId, delivery: 'delivered' }
    : { ok: true, clipId: clip.clipId, delivery: 'queued', problem: outcome.problem };
}
