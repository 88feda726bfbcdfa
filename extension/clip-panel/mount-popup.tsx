/**
 * The popup's React app on the page: the clip panel in the extension pages' frame, the popup's
 * static frame (PopupShell) while the settings are read. Loaded by entrypoints/popup after the
 * frame written into popup.html has painted.
 */
import { createRoot } from 'react-dom/client';
import { ExtensionPage } from '../clip/ui/ExtensionPage';
import { frameLanguage } from '../settings/frame-language';
import { ClipPanel } from './ClipPanel';
import { PopupShell } from './PopupShell';

export function mountPopup(root: HTMLElement): void {
  // React replaces the frame already in #root with the same markup, then the panel in its place.
  createRoot(root).render(
    <ExtensionPage loading={<PopupShell language={frameLanguage()} />}>
      <ClipPanel variant="popup" />
    </ExtensionPage>,
  );
}
