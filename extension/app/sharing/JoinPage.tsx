/**
 * Opened from a share link (`?join=`): joins at once when signed in; otherwise asks only for a
 * name. Says plainly when the link was revoked, has expired or is not a link at all, when joins
 * are coming too fast, and when the link takes no more guests.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { JoinPreviewResponse, JoinResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { EDITOR_PAGE } from '../common/page-route';
import { rememberAfterSignIn } from '../session/after-sign-in';
import { type JoinState, useJoin } from './use-join';

export function JoinPage(props: {
  api: ApiClient;
  secret: string;
  signedIn: boolean | null;
  /** 'web': a new guest's session goes into the cookie; 'extension': the page keeps its token. */
  client: 'web' | 'extension';
  /** Where someone with an account signs in first (then comes back here); null: not offered. */
  signInHref: string | null;
  win: Window;
  onJoined: (joined: JoinResponse) => Promise<void>;
}) {
  const t = useT();
  const preview = useJoinPreview(props.api, props.secret, props.signedIn === false);
  const [state, join] = useJoin(props.api, props.secret, props.signedIn, props.client, props.onJoined);
  const signInFirst = () => {
    rememberAfterSignIn(props.win.localStorage, `${EDITOR_PAGE}${props.win.location.search}`);
    props.win.location.assign(props.signInHref ?? EDITOR_PAGE);
  };
  const [name, setName] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) join(name.trim());
  };
  const deadLink = state.status === 'failed' && (state.problem === 'gone' || state.problem === 'not-found');
  // A link that takes no more guests: asking for a name again cannot help.
  const noGuests = state.status === 'failed' && state.problem === 'guest-limit';
  const asksName = props.signedIn === false && state.status !== 'joined' && !deadLink && !noGuests;

  return (
    <main className="panel join">
      <h1>{t('editor.join.title')}</h1>
      {preview && state.status !== 'failed' && <JoinInvitation preview={preview} />}
      {state.status === 'failed' && <JoinProblem state={state} />}
      {(state.status === 'joining' || state.status === 'joined') && <p className="muted">{t('editor.join.joining')}</p>}
      {asksName && (
        <form onSubmit={submit}>
          <p>{t('editor.join.hint')}</p>
          <label htmlFor={inputId}>{t('editor.join.name')}</label>
          <div className="inline-form">
            <input
              id={inputId}
              type="text"
              autoComplete="name"
              maxLength={100}
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="primary" disabled={state.status === 'joining'}>
              {t('editor.join.submit')}
            </button>
          </div>
        </form>
      )}
      {(asksName || noGuests) && props.signInHref && (
        <p>
          <button type="button" className="link-button" onClick={signInFirst}>
            {t('signin.join.haveAccount')}
          </button>
        </p>
      )}
      {props.signedIn && state.status === 'failed' && !deadLink && (
        <button type="button" onClick={() => join()}>
          {t('editor.session.retry')}
        </button>
      )}
      <p>
        <a href={EDITOR_PAGE}>{t('editor.draft.allDrafts')}</a>
      </p>
    </main>
  );
}

/** Asked only before someone not signed in types her name; a signed-in person joins at once. */
function useJoinPreview(api: ApiClient, secret: string, wanted: boolean): JoinPreviewResponse | null {
  const [preview, setPreview] = useState<JoinPreviewResponse | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void api.joinPreview(secret).then((result) => {
      if (current && result.ok) setPreview(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, secret, wanted]);
  return preview;
}

function JoinInvitation(props: { preview: JoinPreviewResponse }) {
  const t = useT();
  const { preview } = props;
  return (
    <div className="join-invitation" data-testid="join-invitation">
      <p>
        <strong>
          {t('editor.join.invitation', {
            inviter: preview.invitedBy,
            title: preview.title,
            role: t(`role.${preview.role}`),
          })}
        </strong>
        {preview.ownerName !== preview.invitedBy && <> {t('editor.join.ownedBy', { owner: preview.ownerName })}</>}
      </p>
      <p className="muted">{t(`editor.join.canDo.${preview.role}`)}</p>
    </div>
  );
}

function JoinProblem(props: { state: Extract<JoinState, { status: 'failed' }> }) {
  const t = useT();
  const { problem } = props.state;
  if (problem === 'gone' || problem === 'not-found') {
    return (
      <p role="alert" className="problem">
        {t(problem === 'gone' ? 'editor.join.gone' : 'editor.join.invalid')} {t('editor.join.askOwner')}
      </p>
    );
  }
  if (problem === 'guest-limit') {
    return (
      <p role="alert" className="problem">
        {t('editor.join.guestLimit')} {t('editor.join.askOwner')}
      </p>
    );
  }
  return (
    <p role="alert" className="problem">
      {t(problem === 'rate-limited' ? 'editor.join.rateLimited' : `error.${problem}`)}
    </p>
  );
}
