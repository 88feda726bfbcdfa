/**
 * The draft's reference list (Daftar Pustaka), under the document: derived live from the clips'
 * sources, never stored in the draft, with a button copying it as plain text.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { safeHttpUrl } from '../../../shared/model/clip-node';
import { type ClipInDraft, clipsInDraft } from '../../../shared/model/draft-doc';
import { apaReferences, toPlainText } from '../../../shared/references/apa-reference';
import { useLanguage, useT } from '../../components/i18n';
import { copyText } from '../common/copy-text';

/** Every keystroke is a doc update; the list is rebuilt once typing pauses this long. */
export const REFERENCES_DEBOUNCE_MS = 200;

/** The clips' sources, kept as the same array while they do not change, so typing re-renders nothing. */
function useClipSources(doc: Y.Doc): ClipInDraft[] {
  const [clips, setClips] = useState(() => clipsInDraft(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = ''; // a new doc (another draft) always replaces the list
    const refresh = () => {
      timer = undefined;
      const next = clipsInDraft(doc);
      const serialised = JSON.stringify(next);
      if (serialised === last) return;
      last = serialised;
      setClips(next);
    };
    refresh();
    const schedule = () => {
      timer ??= setTimeout(refresh, REFERENCES_DEBOUNCE_MS);
    };
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      clearTimeout(timer);
    };
  }, [doc]);
  return clips;
}

export function ReferenceList(props: { doc: Y.Doc; win: Window }) {
  const t = useT();
  const [language] = useLanguage();
  const clips = useClipSources(props.doc);
  const entries = useMemo(() => apaReferences(clips, language), [clips, language]);
  const [copied, setCopied] = useState<boolean | null>(null);
  const headingId = useId();

  // A message about copying an older list would be misleading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the list changes
  useEffect(() => setCopied(null), [entries]);

  return (
    <section className="references" aria-labelledby={headingId}>
      <div className="references-heading">
        <h2 id={headingId}>{t('editor.references.heading')}</h2>
        {entries.length > 0 && (
          <button type="button" onClick={async () => setCopied(await copyText(props.win, toPlainText(entries)))}>
            {t('editor.references.copy')}
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('editor.references.empty')}</p>
      ) : (
        <>
          <p className="muted references-style">{t('editor.references.style')}</p>
          <ul className="references-list" aria-labelledby={headingId}>
            {entries.map((entry) => {
              const href = safeHttpUrl(entry.url);
              return (
                <li key={entry.key} data-clip-count={entry.clipIds.length}>
                  {entry.segments.map((segment, index) =>
                    // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence per entry
                    segment.italic ? <i key={index}>{segment.text}</i> : <span key={index}>{segment.text}</span>,
                  )}
                  {entry.url && ' '}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                      {entry.url}
                    </a>
                  ) : (
                    entry.url
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p aria-live="polite" className="muted references-status">
        {copied === true && t('editor.references.copied')}
        {copied === false && t('editor.references.copyFailed')}
      </p>
    </section>
  );
}
