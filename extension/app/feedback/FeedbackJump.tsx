/**
 * On a narrow screen the sidebar sits under the whole draft (thousands of pixels down on a long
 * one): "Masukan (N)" floats at the bottom of the screen and brings the threads into view, and
 * "Kembali ke teks" at the sidebar's top goes back. Hidden beside the draft on a wide screen (CSS).
 */
import { useT } from '../../components/i18n';

/** Scrolls `id`'s element into view and gives it the focus, so the keyboard and screen reader follow. */
function bringIntoView(win: Window, id: string): void {
  const target = win.document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function FeedbackJumpButton(props: { openCount: number; sidebarId: string; win: Window }) {
  const t = useT();
  return (
    <button type="button" className="feedback-jump" onClick={() => bringIntoView(props.win, props.sidebarId)}>
      {t('feedback.jump', { count: props.openCount })}
    </button>
  );
}

export function BackToTextButton(props: { textId: string; win: Window }) {
  const t = useT();
  return (
    <button
      type="button"
      className="link-button feedback-back-to-text"
      onClick={() => bringIntoView(props.win, props.textId)}
    >
      {t('feedback.backToText')}
    </button>
  );
}
