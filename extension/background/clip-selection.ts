/** Clipping a selection: read it from the tab, convert it in the offscreen document, then file it (./file-clip.ts). */
import type {
  BackgroundRequest,
  ClipSelectionReply,
  OffscreenConvertReply,
} from '../../shared/protocol/extension-messages';
import { clipSourceOf, parsePageSelection } from '../clip/page-selection';
import type { AppSettingsStore } from '../settings/app-settings';
import { type FileClipDeps, fileClip } from './file-clip';
import type { PageReadResult } from './page-reader';
import type { StoredImages } from './store-images';

export type ClipSelectionRequest = Extract<BackgroundRequest, { type: 'clip-selection' }>;
export type ClipContent = Extract<OffscreenConvertReply, { ok: true }>['content'];

export interface ClipSelectionDeps extends FileClipDeps {
  settings: AppSettingsStore;
  readPage: (tabId: number, frameId?: number) => Promise<PageReadResult>;
  convertHtml: (html: string) => Promise<OffscreenConvertReply>;
  /** Replaces the clip's web images by stored copies (or placeholders), fetched from this tab. */
  storeImages: (content: ClipContent, tabId: number, frameId?: number) => Promise<StoredImages>;
  now?: () => Date;
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

  const images = await deps.storeImages(converted.content, request.tabId, request.frameId);
  const now = deps.now?.() ?? new Date();
  return fileClip(
    {
      draftId: request.draftId,
      kind: 'selection',
      source: clipSourceOf(selection.selection, now),
      content: images.content,
      ifSourceExists: request.ifSourceExists,
      underHeading: request.underHeading,
    },
    { serverUrl: settings.serverUrl, token: settings.token },
    now,
    deps,
  );
}
