import { showPopupFrameLine } from '../../clip-panel/popup-frame-line';
import { afterFirstPaint } from '../../components/after-first-paint';
import { frameLanguage } from '../../settings/frame-language';
// Static, so the stylesheet is in popup.html's head: the frame there paints styled.
import '../../clip/ui/extension-page.css';

// The frame's loading line, in the user's language (its copy is read synchronously).
showPopupFrameLine(document, frameLanguage());

// The app (React, the strings, zod) is fetched and run only after popup.html's frame has painted.
const root = document.getElementById('root')!;
afterFirstPaint(() => {
  import('../../clip-panel/mount-popup').then(
    ({ mountPopup }) => mountPopup(root),
    (error: unknown) => console.error('popup: the app did not load', error),
  );
});
