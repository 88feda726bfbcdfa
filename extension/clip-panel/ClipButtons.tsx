/** The panel's clip buttons (selection, article, bookmark, video), the link to the draft and to the side panel. */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../components/i18n-context';
import { draftPageUrl, hasSidePanel, openSidePanel } from './extension-pages';
import type { PanelClip } from './use-clip-actions';

const BUTTONS: { clip: PanelClip; label: MessageKey }[] = [
  { clip: 'clip-selection', label: 'clip.action.clip' },
  { clip: 'clip-article', label: 'clip.action.clipArticle' },
  { clip: 'clip-bookmark', label: 'clip.action.clipBookmark' },
  { clip: 'clip-video', label: 'clip.action.clipVideo' },
];

export function ClipButtons(props: {
  disabled: boolean;
  busy: boolean;
  draftId: string | null;
  /** Offered in the popup only: the side panel is the other way to see this. */
  offerSidePanel: boolean;
  onClip: (clip: PanelClip) => void;
}) {
  const t = useT();
  return (
    <>
      <div className="dampingi-clip-buttons">
        {BUTTONS.map(({ clip, label }) => (
          <button
            key={clip}
            type="button"
            // The everyday clip is the one primary action; the others are alternatives to it.
            className={clip === 'clip-selection' ? 'dampingi-primary' : undefined}
            onClick={() => props.onClip(clip)}
            disabled={props.disabled}
            aria-busy={props.busy}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <DraftLinks draftId={props.draftId} offerSidePanel={props.offerSidePanel} />
    </>
  );
}

function DraftLinks(props: { draftId: string | null; offerSidePanel: boolean }) {
  const t = useT();
  const sidePanel = props.offerSidePanel && hasSidePanel();
  if (!props.draftId && !sidePanel) return null;
  return (
    <div className="dampingi-links">
      {props.draftId && (
        <a href={draftPageUrl(props.draftId)} target="_blank" rel="noreferrer">
          {t('clip.action.openDraft')}
        </a>
      )}
      {sidePanel && (
        <button type="button" className="dampingi-link-button" onClick={() => void openSidePanel()}>
          {t('clip.action.openSidePanel')}
        </button>
      )}
    </div>
  );
}
