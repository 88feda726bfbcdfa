/**
 * The toolbar popup (and side panel): who is signed in, the target draft, "Klip ke Dampingi", the
 * outbox count and the outcome; the side panel adds the draft's latest clips.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Translate } from '../../../shared/i18n';
import type {
  BackgroundRequest,
  ClipSelectionReply,
  DeliveryProblem,
  IfSourceExists,
} from '../../../shared/protocol/extension-messages';
import { createApiClient } from '../../api/api-client';
import { askBackground } from '../../clip/background-client';
import { clipOutcomeText } from '../../clip/clip-outcome';
import { clipPreferences } from '../../clip/clip-preferences';
import {
  type Account,
  type DraftChoices,
  loadAccount,
  loadDraftChoices,
  preselectedDraft,
} from '../../clip/draft-choices';
import { targetTabId } from '../../clip/target-tab';
import { useExtensionSettings } from '../../clip/ui/ExtensionPage';
import { LatestClips } from '../../clip/ui/LatestClips';
import { clipRequestFor, type WaitingClip, waitingClipFrom } from '../../clip/waiting-clip';
import { useT } from '../../components/i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';

const preferences = clipPreferences(browser.storage.local);
const OUTBOX_POLL_MS = 2_000;
const RETRY_WHILE_OPEN_MS = 15_000;

type ClipRequest = Extract<BackgroundRequest, { draftId: string }>;

/** A clip the background answered with "this source is already in the draft": the user decides. */
interface SourceQuestion {
  request: ClipRequest;
  title: string;
}

const WAITING_ACTION = {
  selection: 'clip.action.clip',
  link: 'clip.action.clipLink',
  image: 'clip.action.clipImage',
  video: 'clip.action.clipVideo',
} as const;

interface OutboxState {
  pending: number;
  problem: DeliveryProblem | null;
}

/** The same page serves the toolbar popup and the side panel, which also lists the draft's clips. */
export function PopupPage({ variant = 'popup' }: { variant?: 'popup' | 'sidepanel' }) {
  const t = useT();
  const { settings } = useExtensionSettings();
  const signedIn = settings.token !== null && settings.token !== '';
  const search = globalThis.location.search;
  const reason = new URLSearchParams(search).get('reason');
  const askedToChoose = reason === 'choose-draft';
  // A clip from the context menu that waits here for a draft, or for a decision about its source.
  const waiting = useMemo(() => waitingClipFrom(search), [search]);

  const [tabId, setTabId] = useState<number | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const [choices, setChoices] = useState<DraftChoices | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [outbox, setOutbox] = useState<OutboxState | null>(null);
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState('');
  const [question, setQuestion] = useState<SourceQuestion | null>(null);
  const [askedAgain, setAskedAgain] = useState(false);

  useEffect(() => {
    targetTabId(search, browser.tabs).then(setTabId, (error: unknown) => console.error('popup: no target tab', error));
  }, [search]);

  useEffect(() => {
    if (!signedIn) return;
    const api = createApiClient(settings.serverUrl, settings.token);
    void loadAccount(api, preferences, settings.serverUrl).then(setAccount);
    void Promise.all([loadDraftChoices(api, preferences, settings.serverUrl), preferences.lastDraftId()]).then(
      ([loaded, last]) => {
        setChoices(loaded);
        setDraftId(preselectedDraft(loaded.drafts ?? [], last));
      },
    );
  }, [signedIn, settings.serverUrl, settings.token]);

  const refreshOutbox = useCallback(async () => {
    const reply = await askBackground(browser.runtime, { type: 'outbox-status' });
    if (reply.ok) setOutbox({ pending: reply.pending, problem: reply.problem });
    return reply.ok ? reply.pending : 0;
  }, []);

  useEffect(() => {
    // Opening the popup is a good moment to retry what is waiting; while it stays open and clips
    // still wait, retry now and then too (the background's alarm only runs once a minute).
    let lastRetry = 0;
    const retry = () => {
      lastRetry = Date.now();
      void askBackground(browser.runtime, { type: 'retry-outbox' }).then((reply) => {
        if (reply.ok) setOutbox({ pending: reply.pending, problem: reply.problem });
      });
    };
    void refreshOutbox();
    retry();
    const timer = setInterval(async () => {
      const pending = await refreshOutbox();
      if (pending > 0 && Date.now() - lastRetry > RETRY_WHILE_OPEN_MS) retry();
    }, OUTBOX_POLL_MS);
    return () => clearInterval(timer);
  }, [refreshOutbox]);

  const chooseDraft = (id: string) => {
    setDraftId(id);
    preferences.setLastDraftId(id).catch((error: unknown) => console.error('popup: draft choice not saved', error));
  };

  const send = async (request: ClipRequest) => {
    setWorking(true);
    setQuestion(null);
    setStatus(t('clip.status.working'));
    const reply = (await askBackground(browser.runtime, request)) as ClipSelectionReply;
    if (!reply.ok && reply.reason === 'source-exists') {
      setQuestion({ request, title: reply.existing.title });
      setStatus('');
    } else {
      setStatus(clipOutcomeText(reply, t));
    }
    setWorking(false);
    void refreshOutbox();
  };

  const clip = async (what: 'clip-selection' | 'clip-article' | 'clip-bookmark' | 'clip-video') => {
    // The side panel stays open while the user moves between tabs: clip from the tab active now.
    const target = variant === 'sidepanel' ? await targetTabId(search, browser.tabs) : tabId;
    if (target === null || draftId === null) return;
    if (what === 'clip-video') await send({ type: 'clip-media', media: 'video', tabId: target, draftId });
    else await send({ type: what, tabId: target, draftId });
  };

  const clipWaiting = (clipping: WaitingClip) => {
    if (draftId !== null) void send(clipRequestFor(clipping, draftId) as ClipRequest);
  };

  const answer = (choice: IfSourceExists | null) => {
    if (!question) return;
    if (choice === null) {
      setQuestion(null);
      return;
    }
    void send({ ...question.request, ifSourceExists: choice });
  };

  // Sent here because its source is already in the draft: ask again to show the question.
  useEffect(() => {
    if (reason !== 'source-exists' || !waiting || draftId === null || askedAgain) return;
    setAskedAgain(true);
    void send(clipRequestFor(waiting, draftId) as ClipRequest);
  });

  const editorUrl = useMemo(() => (draftId ? draftPageUrl(draftId) : null), [draftId]);
  const drafts = choices?.drafts ?? [];

  return (
    <main className="dampingi-page dampingi-popup">
      <header className="dampingi-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>

      {askedToChoose && (
        <p className="dampingi-notice">
          {!waiting || waiting.kind === 'selection'
            ? t('clip.drafts.chooseFirst')
            : t('clip.media.chooseFirst', { action: t(WAITING_ACTION[waiting.kind]) })}
        </p>
      )}

      {signedIn ? (
        <AccountLine account={account} t={t} />
      ) : (
        <p>
          {t('clip.account.notSignedIn')}{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            {t('clip.action.openSettings')}
          </a>
        </p>
      )}

      {signedIn && (
        <div className="dampingi-field">
          <label htmlFor="target-draft">{t('clip.drafts.label')}</label>
          <select
            id="target-draft"
            value={draftId ?? ''}
            disabled={drafts.length === 0}
            onChange={(event) => chooseDraft(event.target.value)}
          >
            {drafts.length === 0 && (
              <option value="">{choices ? t('clip.drafts.none') : t('clip.drafts.loading')}</option>
            )}
            {drafts.map((draft) => (
              <option key={draft.id} value={draft.id}>
                {draft.title}
              </option>
            ))}
          </select>
          <DraftChoicesNote choices={choices} t={t} />
        </div>
      )}

      {question && (
        <div className="dampingi-question" role="alertdialog" aria-labelledby="source-exists-text">
          <p id="source-exists-text">{t('clip.duplicate.notice', { title: question.title })}</p>
          <div className="dampingi-actions">
            <button type="button" onClick={() => answer('add-to-existing')} disabled={working}>
              {t('clip.duplicate.add')}
            </button>
            <button type="button" onClick={() => answer('new-source')} disabled={working}>
              {t('clip.duplicate.new')}
            </button>
            <button type="button" className="dampingi-link-button" onClick={() => answer(null)}>
              {t('clip.duplicate.cancel')}
            </button>
          </div>
        </div>
      )}

      {waiting && waiting.kind !== 'selection' && (
        <div className="dampingi-actions">
          <button
            type="button"
            className="dampingi-primary"
            onClick={() => clipWaiting(waiting)}
            disabled={!signedIn || draftId === null || working}
            aria-busy={working}
          >
            {t(WAITING_ACTION[waiting.kind])}
          </button>
        </div>
      )}

      <div className="dampingi-actions">
        <button
          type="button"
          onClick={() => void clip('clip-selection')}
          disabled={!signedIn || draftId === null || tabId === null || working}
          aria-busy={working}
        >
          {t('clip.action.clip')}
        </button>
        <button
          type="button"
          onClick={() => void clip('clip-article')}
          disabled={!signedIn || draftId === null || tabId === null || working}
          aria-busy={working}
        >
          {t('clip.action.clipArticle')}
        </button>
        <button
          type="button"
          onClick={() => void clip('clip-bookmark')}
          disabled={!signedIn || draftId === null || tabId === null || working}
          aria-busy={working}
        >
          {t('clip.action.clipBookmark')}
        </button>
        <button
          type="button"
          onClick={() => void clip('clip-video')}
          disabled={!signedIn || draftId === null || tabId === null || working}
          aria-busy={working}
        >
          {t('clip.action.clipVideo')}
        </button>
        {editorUrl && (
          <a href={editorUrl} target="_blank" rel="noreferrer">
            {t('clip.action.openDraft')}
          </a>
        )}
        {variant === 'popup' && browser.sidePanel && (
          <button type="button" className="dampingi-link-button" onClick={() => void openSidePanel()}>
            {t('clip.action.openSidePanel')}
          </button>
        )}
      </div>

      <p className="dampingi-outbox">{t('clip.outbox.count', { count: outbox?.pending ?? 0 })}</p>
      <p role="status" aria-live="polite" className="dampingi-status">
        {status}
      </p>

      {variant === 'sidepanel' && signedIn && draftId && (
        <LatestClips serverUrl={settings.serverUrl} token={settings.token} draftId={draftId} />
      )}
    </main>
  );
}

function AccountLine({ account, t }: { account: Account | null; t: Translate }) {
  if (!account) return null;
  if (account.name !== null) return <p>{t('clip.account.signedInAs', { name: account.name })}</p>;
  if (account.reason === 'network') return null;
  return (
    <p className="dampingi-error">
      {t(`error.${account.reason}`)}{' '}
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
        {t('clip.action.openSettings')}
      </a>
    </p>
  );
}

function DraftChoicesNote({ choices, t }: { choices: DraftChoices | null; t: Translate }) {
  if (!choices || choices.source === 'server') return null;
  if (choices.source === 'saved') return <p className="dampingi-hint">{t('clip.drafts.offline')}</p>;
  return <p className="dampingi-error">{t('clip.drafts.failed', { reason: t(`error.${choices.reason}`) })}</p>;
}

/** Opens the side panel in this window (allowed from the popup: it is a user gesture). */
async function openSidePanel(): Promise<void> {
  try {
    const window = await browser.windows.getCurrent();
    if (window.id !== undefined) await browser.sidePanel.open({ windowId: window.id });
    globalThis.close();
  } catch (error) {
    console.error('popup: side panel not opened', error);
  }
}

/** The editor is an extension page: `editor.html?draft=<id>`. */
function draftPageUrl(draftId: string): string {
  const url = new URL((browser.runtime.getURL as (path: string) => string)('/editor.html'));
  url.searchParams.set('draft', draftId);
  return url.href;
}
