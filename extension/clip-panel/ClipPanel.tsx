/**
 * The clip panel, one UI for the toolbar popup and the side panel (and the popup opened as a tab by
 * the context menu): who is signed in, the target draft, the clip buttons, the question for a clip
 * held in the outbox, the outbox count and the last outcome; the side panel adds the draft's
 * latest clips. State comes from hooks that watch storage; this file only lays it out.
 */

import { lazy, Suspense, useMemo } from 'react';
import { isInboxDestination } from '../../shared/model/inbox-destination';
import { draftOpenAt } from '../clip/draft-list';
import { useExtensionSettings } from '../clip/ui/ExtensionPage';
import { type WaitingClip, waitingClipFrom } from '../clip/waiting-clip';
import { useT } from '../components/i18n-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AccountLine } from './AccountLine';
import { ClipButtons } from './ClipButtons';
import { DraftPicker } from './DraftPicker';
import { editorOrigins } from './extension-pages';
import { SectionPicker } from './SectionPicker';
import { SourceQuestionDialog } from './SourceQuestionDialog';
import { useClipActions } from './use-clip-actions';
import { useDraftChoices } from './use-draft-choices';
import { useDraftSections } from './use-draft-sections';
import { useOutboxState } from './use-outbox-state';
import { useSourceQuestion } from './use-source-question';
import { useTargetTab } from './use-target-tab';

// Only the side panel shows the draft's latest clips, and that needs the editor's schema and sync
// code: loaded there on demand, so the popup opens with the clip controls alone.
const LatestClips = lazy(() => import('./LatestClips').then((module) => ({ default: module.LatestClips })));

const WAITING_ACTION = {
  selection: 'clip.action.clip',
  link: 'clip.action.clipLink',
  image: 'clip.action.clipImage',
  video: 'clip.action.clipVideo',
} as const;

export function ClipPanel({ variant }: { variant: 'popup' | 'sidepanel' }) {
  const t = useT();
  const { settings } = useExtensionSettings();
  const search = globalThis.location.search;
  const askedToChoose = new URLSearchParams(search).get('reason') === 'choose-draft';
  // A context-menu clip waiting here for a draft to be chosen. (One whose page is already a source
  // in the draft is held in the outbox instead, and asked about below.)
  const waiting = useMemo(() => (askedToChoose ? waitingClipFrom(search) : null), [askedToChoose, search]);

  const { tabId, tabUrl, tabToClip } = useTargetTab(search, variant === 'sidepanel');
  const openDraftId = useMemo(
    () => draftOpenAt(tabUrl, editorOrigins(settings.serverUrl)),
    [tabUrl, settings.serverUrl],
  );
  const drafts = useDraftChoices(settings, openDraftId);
  const outbox = useOutboxState();
  const sections = useDraftSections(drafts.draftId, drafts.signedIn);
  const actions = useClipActions({ t, draftId: drafts.draftId, underHeading: sections.underHeading, tabToClip });
  const source = useSourceQuestion(outbox.held, actions.run);
  // Kotak klip is no draft: no sections, no latest clips (its page lists them).
  const toInbox = isInboxDestination(drafts.draftId);
  const canClip = drafts.signedIn && drafts.draftId !== null && !actions.working;

  return (
    <main className={`dampingi-page dampingi-${variant}`}>
      <header className="dampingi-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      {askedToChoose && <ChooseDraftNotice waiting={waiting} />}
      <AccountLine
        signedIn={drafts.signedIn}
        sessionEnded={drafts.sessionEnded}
        account={drafts.account}
        serverUrl={settings.serverUrl}
      />
      {drafts.signedIn && (
        <DraftPicker
          choices={drafts.choices}
          draftId={drafts.draftId}
          openDraftId={openDraftId}
          onChoose={drafts.chooseDraft}
        />
      )}
      {drafts.signedIn && drafts.draftId && !toInbox && <SectionPicker {...sections} />}
      <SourceQuestionDialog {...source} working={actions.working} />
      {waiting && waiting.kind !== 'selection' && (
        <div className="dampingi-actions">
          <button
            type="button"
            className="dampingi-primary"
            onClick={() => void actions.clipWaiting(waiting)}
            disabled={!canClip}
            aria-busy={actions.working}
          >
            {t(WAITING_ACTION[waiting.kind])}
          </button>
        </div>
      )}
      <ClipButtons
        disabled={!canClip || tabId === null}
        busy={actions.working}
        draftId={drafts.draftId}
        offerSidePanel={variant === 'popup'}
        onClip={(clip) => void actions.clip(clip)}
      />
      <p className="dampingi-outbox">{t('clip.outbox.count', { count: outbox.pending })}</p>
      <p role="status" aria-live="polite" className="dampingi-status">
        {actions.status}
      </p>
      {variant === 'sidepanel' && drafts.signedIn && drafts.draftId && !toInbox && (
        <Suspense fallback={null}>
          <LatestClips serverUrl={settings.serverUrl} token={settings.token} draftId={drafts.draftId} />
        </Suspense>
      )}
    </main>
  );
}

function ChooseDraftNotice({ waiting }: { waiting: WaitingClip | null }) {
  const t = useT();
  return (
    <p className="dampingi-notice">
      {!waiting || waiting.kind === 'selection'
        ? t('clip.drafts.chooseFirst')
        : t('clip.media.chooseFirst', { action: t(WAITING_ACTION[waiting.kind]) })}
    </p>
  );
}
