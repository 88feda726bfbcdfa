/**
 * One draft: title, sharing and "save as template" (for its owner), sync status of its content and
 * feedback, who is online, the stage of the mentoring cycle, and the view chosen in the address —
 * the media (the editor, read-only with a banner saying why for someone who may only comment or
 * view, the reference list and the feedback sidebar), the classroom observation, the reflection or
 * the follow-up plan. The stage never locks the media.
 */

import { useEffect, useMemo, useState } from 'react';
import { can } from '../../../shared/auth/roles';
import { colorForUser, type PresenceUser } from '../../../shared/presence';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { combineSyncStatus } from '../../sync/combined-sync-status';
import { LazyBoundary, lazyView } from '../common/lazy-view';
import type { OfflineCache } from '../common/offline-cache';
import { type DraftView, EDITOR_PAGE } from '../common/page-route';
import { RefusedChangesNotice } from '../common/RefusedChangesNotice';
import { useDraftConnection } from '../common/use-draft-connection';
import { CycleTabs } from '../cycle/CycleTabs';
import { cycleRights } from '../cycle/cycle-rights';
import type { CycleViewProps } from '../cycle/ReflectionView';
import { StageStepper } from '../cycle/StageStepper';
import { useCycle } from '../cycle/use-cycle';
import { ExportButton } from '../export/ExportButton';
import { feedbackRights } from '../feedback/feedback-rights';
import { useFeedbackThreads } from '../feedback/use-feedback-threads';
import { ShareButton } from '../sharing/ShareButton';
import { SaveTemplateButton } from '../templates/SaveTemplateButton';
import { DraftWorkspace } from './DraftWorkspace';
import { PresenceList } from './PresenceList';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SyncStatusBadge } from './SyncStatusBadge';
import { useDraftInfo } from './use-draft-info';

// Opened now and then: loaded on demand (extension/app/common/lazy-view.tsx).
const ObservationView = lazyView(() =>
  import('../observation/ObservationView').then((module) => module.ObservationView),
);
const VersionsView = lazyView(() => import('../versions/VersionsView').then((module) => module.VersionsView));
const ReflectionView = lazyView(() => import('../cycle/ReflectionView').then((module) => module.ReflectionView));
const FollowUpPlanView = lazyView(() => import('../cycle/FollowUpPlanView').then((module) => module.FollowUpPlanView));

export function DraftPage(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  me: MeResponse;
  draftId: string;
  /** Which part of the draft to show (the mentoring-cycle views). */
  view: DraftView;
  win: Window;
}) {
  const t = useT();
  const { api, serverUrl, token, draftId, view, win, cache } = props;
  const { connection, status, writeRefusal, discardedText } = useDraftConnection(
    { serverUrl, token, draftId },
    win,
    cache,
  );
  const feedback = useDraftConnection({ serverUrl, token, draftId, kind: 'mentoring' }, win, cache);
  // The owner raised this user's role: fetch the draft again so the editor unlocks without a reload.
  const [roleRaises, setRoleRaises] = useState(0);
  useEffect(() => connection?.onRoleRaised(() => setRoleRaises((count) => count + 1)), [connection]);
  const draft = useDraftInfo(api, cache, draftId, roleRaises);
  const title = draft.info?.title;
  // The server's refusal wins: the role may have been lowered since the draft info was fetched.
  const role = writeRefusal?.role ?? draft.info?.role ?? null;
  // Unknown role (never seen, offline): editable, as the server still refuses what it must.
  // A rule refusal (an image from another site) drops that change only; a role refusal locks the editor.
  const lockedOut = writeRefusal?.code === 'read-only';
  const editable = !lockedOut && (role === null || can(role, 'edit-content'));
  const user: PresenceUser = useMemo(
    () => ({ id: props.me.id, name: props.me.name, color: colorForUser(props.me.id) }),
    [props.me.id, props.me.name],
  );
  const author = useMemo(() => ({ id: props.me.id, name: props.me.name }), [props.me.id, props.me.name]);
  const rights = useMemo(
    () => feedbackRights(role, feedback.writeRefusal, editable),
    [role, feedback.writeRefusal, editable],
  );
  const feedbackDoc = feedback.connection?.doc ?? null;
  const cycle = useCycle(feedbackDoc);
  const cycleAllowed = useMemo(
    () => cycleRights(role, feedback.writeRefusal, cycle.stage),
    [role, feedback.writeRefusal, cycle.stage],
  );
  // The media view reads the threads itself (DraftWorkspace); the reflection and the plan need them here.
  const threads = useFeedbackThreads(view === 'reflect' || view === 'plan' ? feedbackDoc : null);
  const workspaces = props.me.workspaces ?? [];

  const stepper = (
    <StageStepper
      cycle={cycle}
      doc={feedbackDoc}
      rights={cycleAllowed}
      author={author}
      refusal={feedback.writeRefusal}
    />
  );

  useEffect(() => {
    win.document.title = `${title ?? t('editor.draft.fallbackTitle')} — Dampingi`;
  }, [win, title, t]);

  return (
    <main className="draft-page">
      {/* One line: back to the list, the title, where the sync and the people stand, the draft's actions. */}
      <div className="draft-heading">
        <nav className="draft-nav" aria-label={t('editor.draft.allDrafts')}>
          <a href={EDITOR_PAGE}>
            <span aria-hidden="true">← </span>
            {t('editor.draft.allDrafts')}
          </a>
        </nav>
        <h1>{title ?? t('editor.draft.fallbackTitle')}</h1>
        <div className="draft-bar">
          <SyncStatusBadge status={combineSyncStatus(status, feedback.connection ? feedback.status : null)} />
          {connection && <PresenceList awareness={connection.provider.awareness} />}
        </div>
        <div className="draft-actions">
          {can(draft.info?.role, 'manage-members') && (
            <ShareButton api={api} draftId={draftId} serverUrl={serverUrl} me={props.me} win={win} />
          )}
          {connection && (
            <ExportButton
              draft={connection.doc}
              feedback={feedbackDoc}
              title={title ?? t('editor.draft.fallbackTitle')}
              canPrint={view === 'media'}
              win={win}
            />
          )}
          {draft.info?.role === 'owner' && workspaces.length > 0 && (
            <SaveTemplateButton
              api={api}
              draftId={draftId}
              title={title ?? t('editor.draft.fallbackTitle')}
              workspaces={workspaces}
            />
          )}
        </div>
      </div>
      {(draft.problem === 'not-found' || draft.problem === 'forbidden') && (
        <p role="alert" className="problem">
          {t('editor.draft.noAccess')}
        </p>
      )}
      {view !== 'observe' && stepper}
      <CycleTabs draftId={draftId} view={view} />
      {/* About the media only: on the observation, reflection and plan views a mentor does write. */}
      {!editable && role && (view === 'media' || view === 'versions') && <ReadOnlyBanner role={role} />}
      {discardedText && (
        <RefusedChangesNotice
          text={discardedText}
          win={win}
          message={writeRefusal?.code === 'content-rule' ? t('editor.refused.externalImage') : undefined}
        />
      )}
      {view === 'versions' ? (
        <LazyBoundary>
          <VersionsView
            api={api}
            draftId={draftId}
            doc={connection?.doc ?? null}
            canEdit={!lockedOut && can(role, 'edit-content')}
            pending={status.pending}
          />
        </LazyBoundary>
      ) : view === 'reflect' || view === 'plan' ? (
        <CycleView
          view={view}
          draftId={draftId}
          doc={feedbackDoc}
          threads={threads}
          cycle={cycle}
          canWrite={cycleAllowed.plan && editable}
          author={author}
          refusal={feedback.writeRefusal}
          win={win}
        />
      ) : !connection ? (
        <p className="muted">{t('editor.draft.opening')}</p>
      ) : view === 'observe' ? (
        // In class the notes come first: the stepper waits under them.
        <>
          <LazyBoundary>
            <ObservationView content={connection} feedback={feedback} author={author} rights={rights} win={win} />
          </LazyBoundary>
          {stepper}
        </>
      ) : (
        <DraftWorkspace
          connection={connection}
          feedback={feedback}
          user={user}
          author={author}
          editable={editable}
          rights={rights}
          win={win}
        />
      )}
    </main>
  );
}

function CycleView(props: CycleViewProps & { view: 'reflect' | 'plan' }) {
  const { view, ...rest } = props;
  return (
    <LazyBoundary>{view === 'reflect' ? <ReflectionView {...rest} /> : <FollowUpPlanView {...rest} />}</LazyBoundary>
  );
}
