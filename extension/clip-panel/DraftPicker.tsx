/**
 * The target draft: a search field and a list of the drafts the user may edit, most recent first,
 * each with its owner, workspace and when it changed (two drafts may share a title). The list is a
 * single-select listbox: arrow keys, Home and End choose, as in a native list.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Language } from '../../shared/i18n';
import { INBOX_DESTINATION, isInboxDestination } from '../../shared/model/inbox-destination';
import type { CachedDraft } from '../clip/clip-preferences';
import type { DraftChoices } from '../clip/draft-choices';
import { changedAgo, matchingDrafts, recentFirst } from '../clip/draft-list';
import { useLanguage, useT } from '../components/i18n-context';
import './draft-picker.css';

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function DraftPicker(props: {
  choices: DraftChoices | null;
  draftId: string | null;
  /** The draft shown in the tab the panel clips from, marked in the list. */
  openDraftId: string | null;
  onChoose: (draftId: string) => void;
}) {
  const t = useT();
  const ids = useId();
  const [query, setQuery] = useState('');
  const { choices, draftId, onChoose } = props;
  const all = useMemo(() => recentFirst(choices?.drafts ?? []), [choices]);
  const shown = useMemo(() => matchingDrafts(all, query), [all, query]);
  const listRef = useRef<HTMLDivElement>(null);
  const optionId = (id: string) => `${ids}-draft-${id}`;
  const chosenShown = isInboxDestination(draftId) || shown.some((draft) => draft.id === draftId);
  const chosen = isInboxDestination(draftId) ? undefined : all.find((draft) => draft.id === draftId);

  useEffect(() => {
    if (draftId) document.getElementById(`${ids}-draft-${draftId}`)?.scrollIntoView({ block: 'nearest' });
  }, [draftId, ids]);

  // Kotak klip comes first, whatever the search: a clip can always be kept to place later.
  const choosable = useMemo(() => [INBOX_DESTINATION, ...shown.map((draft) => draft.id)], [shown]);

  const move = (event: KeyboardEvent, from: 'list' | 'search') => {
    const index = choosable.indexOf(draftId ?? '');
    const last = choosable.length - 1;
    const next: Record<string, number> = {
      ArrowDown: index < 0 ? 0 : Math.min(index + 1, last),
      ArrowUp: index < 0 ? 0 : Math.max(index - 1, 0),
      Home: 0,
      End: last,
    };
    // In the search field Home and End move the caret; only the arrows reach into the list.
    if (!(event.key in next)) return;
    if (from === 'search' && (event.key === 'Home' || event.key === 'End')) return;
    event.preventDefault();
    const target = choosable[from === 'search' && index >= 0 ? index : next[event.key]!];
    if (target) onChoose(target);
    if (from === 'search') listRef.current?.focus();
  };

  if (all.length === 0) {
    return (
      <div className="dampingi-field">
        <span className="dampingi-label">{t('clip.drafts.label')}</span>
        <p className="dampingi-hint">{choices ? t('clip.drafts.none') : t('clip.drafts.loading')}</p>
        <DraftChoicesNote choices={choices} />
      </div>
    );
  }
  return (
    <div className="dampingi-field dampingi-draft-picker">
      <span className="dampingi-label" id={`${ids}-label`}>
        {t('clip.drafts.label')}
      </span>
      <input
        type="search"
        aria-label={t('clip.drafts.search')}
        placeholder={t('clip.drafts.searchHint')}
        aria-controls={shown.length > 0 ? `${ids}-list` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => move(event, 'search')}
      />
      <div
        ref={listRef}
        id={`${ids}-list`}
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${ids}-label`}
        aria-activedescendant={chosenShown && draftId ? optionId(draftId) : undefined}
        className="dampingi-draft-list"
        onKeyDown={(event) => move(event, 'list')}
      >
        <InboxOption
          id={optionId(INBOX_DESTINATION)}
          chosen={isInboxDestination(draftId)}
          onChoose={() => onChoose(INBOX_DESTINATION)}
        />
        {shown.map((draft) => (
          <DraftOption
            key={draft.id}
            id={optionId(draft.id)}
            draft={draft}
            chosen={draft.id === draftId}
            openHere={draft.id === props.openDraftId}
            onChoose={() => onChoose(draft.id)}
          />
        ))}
      </div>
      {shown.length === 0 && <p className="dampingi-hint">{t('clip.drafts.noMatch', { query })}</p>}
      <p className="dampingi-hint" aria-live="polite">
        {query.trim() !== '' && shown.length > 0 ? t('clip.drafts.found', { count: shown.length }) : ''}
        {query.trim() !== '' && chosen && !chosenShown ? ` ${t('clip.drafts.chosen', { title: chosen.title })}` : ''}
      </p>
      <DraftChoicesNote choices={choices} />
    </div>
  );
}

function DraftOption(props: {
  id: string;
  draft: CachedDraft;
  chosen: boolean;
  openHere: boolean;
  onChoose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { draft } = props;
  const details = [draft.ownerName, draft.workspaceName, draft.updatedAt && changedText(draft.updatedAt, language, t)];
  return (
    // Chosen with the mouse here, with the keyboard on the list: the listbox keeps the focus and
    // points at the chosen option (aria-activedescendant), so options take neither focus nor keys.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for its options
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the listbox (aria-activedescendant)
    <div
      id={props.id}
      role="option"
      aria-selected={props.chosen}
      className="dampingi-draft-option"
      onClick={props.onChoose}
    >
      {/* The name is all of it ("LKPD Pecahan Bu Dewi · diubah kemarin"): what is seen is what is read. */}
      <span className="dampingi-draft-title">{draft.title}</span>{' '}
      <span className="dampingi-draft-details">
        {details.filter(Boolean).join(' · ')}
        {props.openHere && <span className="dampingi-draft-open"> · {t('clip.drafts.openHere')}</span>}
      </span>
    </div>
  );
}

/** Kotak klip: the clip is kept in the personal inbox and placed in a draft later, from the web app. */
function InboxOption(props: { id: string; chosen: boolean; onChoose: () => void }) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for its options
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the listbox (aria-activedescendant)
    <div
      id={props.id}
      role="option"
      aria-selected={props.chosen}
      className="dampingi-draft-option dampingi-draft-inbox"
      onClick={props.onChoose}
    >
      <span className="dampingi-inbox-title">{t('clip.drafts.inbox')}</span>{' '}
      <span className="dampingi-inbox-details">{t('clip.drafts.inboxHint')}</span>
    </div>
  );
}

function changedText(updatedAt: string, language: Language, t: ReturnType<typeof useT>): string {
  const ago = changedAgo(updatedAt, Date.now());
  if (ago === 'now') return t('clip.drafts.changedNow');
  const relative = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  return t('clip.drafts.changed', { ago: relative.format(-ago.count, ago.unit) });
}

function DraftChoicesNote({ choices }: { choices: DraftChoices | null }) {
  const t = useT();
  if (!choices || choices.source === 'server') return null;
  if (choices.source === 'saved') return <p className="dampingi-hint">{t('clip.drafts.offline')}</p>;
  return <p className="dampingi-error">{t('clip.drafts.failed', { reason: t(`error.${choices.reason}`) })}</p>;
}
