/** The side panel's view of the target draft: its latest clips with their sources, live. */
import { useEffect, useState } from 'react';
import { safeHttpUrl } from '../../shared/model/clip-node';
import { type ClipInDraft, clipsInDraft } from '../../shared/model/draft-doc';
import { formatDateTime } from '../app/common/format-time';
import { useLanguage, useT } from '../components/i18n-context';
import { openDraftConnection } from '../sync/draft-connection';
import './latest-clips.css';

const SHOWN = 10;

/** Newest first by capture time; a clip without a valid time goes last. */
export function latestClips(clips: ClipInDraft[], count = SHOWN): ClipInDraft[] {
  const time = (clip: ClipInDraft) => Date.parse(clip.capturedAt) || 0;
  return [...clips].sort((a, b) => time(b) - time(a)).slice(0, count);
}

export function LatestClips(props: { serverUrl: string; token: string | null; draftId: string }) {
  const t = useT();
  const [language] = useLanguage();
  const [clips, setClips] = useState<ClipInDraft[] | null>(null);

  useEffect(() => {
    // The local copy opens offline; the server (and the background, over BroadcastChannel) keep it live.
    const connection = openDraftConnection({ serverUrl: props.serverUrl, token: props.token, draftId: props.draftId });
    connection.provider.awareness.setLocalState(null); // a viewer, not a participant
    const refresh = () => setClips(clipsInDraft(connection.doc));
    connection.doc.on('update', refresh);
    void connection.whenLocalLoaded.then(refresh);
    return () => {
      connection.doc.off('update', refresh);
      connection.destroy();
    };
  }, [props.serverUrl, props.token, props.draftId]);

  const shown = clips ? latestClips(clips) : [];
  return (
    <section className="dampingi-latest" aria-labelledby="latest-clips-heading">
      <h2 id="latest-clips-heading">{t('clip.latest.heading', { count: clips?.length ?? 0 })}</h2>
      {clips !== null && shown.length === 0 && <p className="dampingi-hint">{t('clip.latest.empty')}</p>}
      <ul aria-labelledby="latest-clips-heading">
        {shown.map((clip) => {
          const url = safeHttpUrl(clip.sourceUrl);
          return (
            <li key={clip.clipId}>
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer nofollow">
                  {clip.sourceTitle || url}
                </a>
              ) : (
                <span>{clip.sourceTitle}</span>
              )}{' '}
              <time dateTime={clip.capturedAt}>{formatDateTime(clip.capturedAt, language)}</time>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
