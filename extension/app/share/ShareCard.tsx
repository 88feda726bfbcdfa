/**
 * One kept share: what it holds, and either the choice of where it goes (new, or stopped by a
 * problem only the person can resolve) or where it is going and why it waits.
 */
import { useState } from 'react';
import { hasMessage, type MessageKey } from '../../../shared/i18n';
import type { DraftInfo } from '../../../shared/protocol/api';
import { useLanguage, useT } from '../../components/i18n';
import { DraftPicker } from './DraftPicker';
import { SharedPreview } from './SharedPreview';
import { needsPerson } from './share-sending';
import type { ShareDestination, SharedEntry, ShareProblem } from './share-store';

export function ShareCard(props: {
  entry: SharedEntry;
  drafts: readonly DraftInfo[];
  busy: boolean;
  onSend: (destination: ShareDestination, asLink: boolean) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const { entry } = props;
  const [choice, setChoice] = useState<ShareDestination | null>(entry.destination);
  const choosing = entry.destination === null || needsPerson(entry.problem);
  const refused = entry.problem?.kind === 'refused';
  return (
    <article className="share-card" aria-label={t('share.choose')} data-share-id={entry.shareId}>
      <SharedPreview entry={entry} />
      {entry.problem && <ProblemLine problem={entry.problem} />}
      {!choosing && entry.destination && (
        <p>
          {t('share.toPlace', {
            place:
              entry.destination.kind === 'inbox'
                ? t('inbox.title')
                : t('share.toDraft', { title: entry.destination.draftTitle }),
          })}
        </p>
      )}
      {choosing && entry.problem?.kind !== 'empty' && entry.problem?.kind !== 'picture' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) props.onSend(choice, false);
          }}
        >
          {!refused && (
            <DraftPicker
              drafts={props.drafts}
              value={choice}
              onChange={setChoice}
              offerInbox
              legend={t('share.destination')}
            />
          )}
          {!refused && (
            <button type="submit" className="primary" disabled={!choice || props.busy}>
              {props.busy ? t('share.sending') : t('share.send')}
            </button>
          )}
          {refused && choice && (
            <button type="button" className="primary" disabled={props.busy} onClick={() => props.onSend(choice, true)}>
              {t('share.keepAsLink')}
            </button>
          )}
        </form>
      )}
      <button type="button" onClick={props.onRemove} disabled={props.busy}>
        {t('share.remove')}
      </button>
    </article>
  );
}

function ProblemLine(props: { problem: ShareProblem }) {
  const t = useT();
  const [language] = useLanguage();
  const { problem } = props;
  switch (problem.kind) {
    case 'offline':
      return <p className="notice">{t('share.waiting')}</p>;
    case 'refused':
      return (
        <p role="alert" className="problem">
          {t(`share.refused.${problem.reason}`)}
        </p>
      );
    case 'picture':
      return (
        <p role="alert" className="problem">
          {t(`share.picture.${problem.reason}`)}
        </p>
      );
    case 'empty':
      return (
        <p role="alert" className="problem">
          {t('share.empty')}
        </p>
      );
    case 'server': {
      // The server's reason in words where the app has them (error.*), else its code.
      const key = `error.${problem.reason}`;
      const reason = hasMessage(language, key) ? t(key as MessageKey) : problem.reason;
      return <p className="notice">{t('share.serverProblem', { reason })}</p>;
    }
  }
}
