/**
 * Where a clip goes: one of the person's drafts (recent first, searchable by title) or, where offered,
 * Kotak klip. Radio buttons, so the choice is reachable by keyboard and named for screen readers.
 */
import { useId, useState } from 'react';
import type { DraftInfo } from '../../../shared/protocol/api';
import { useT } from '../../components/i18n';
import type { ShareDestination } from './share-store';
import { writableDrafts } from './writable-drafts';

export function DraftPicker(props: {
  drafts: readonly DraftInfo[];
  value: ShareDestination | null;
  onChange: (destination: ShareDestination) => void;
  /** Offer Kotak klip as a destination (the share page; not when moving out of it). */
  offerInbox: boolean;
  legend: string;
}) {
  const t = useT();
  const name = useId();
  const [search, setSearch] = useState('');
  const listed = writableDrafts(props.drafts, search);
  const chosenDraft = props.value?.kind === 'draft' ? props.value.draftId : null;
  return (
    <fieldset className="draft-picker">
      <legend>{props.legend}</legend>
      {props.offerInbox && (
        <label className="draft-picker-option">
          <input
            type="radio"
            name={name}
            checked={props.value?.kind === 'inbox'}
            onChange={() => props.onChange({ kind: 'inbox' })}
          />{' '}
          {t('share.toInbox')}
        </label>
      )}
      <label className="draft-picker-search">
        {t('share.searchDrafts')}{' '}
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </label>
      {listed.length === 0 && (
        <p className="muted">{search.trim() === '' ? t('share.noDrafts') : t('share.noMatch')}</p>
      )}
      {listed.map((draft) => (
        <label key={draft.id} className="draft-picker-option">
          <input
            type="radio"
            name={name}
            checked={chosenDraft === draft.id}
            onChange={() => props.onChange({ kind: 'draft', draftId: draft.id, draftTitle: draft.title })}
          />{' '}
          {t('share.toDraft', { title: draft.title })}
        </label>
      ))}
    </fieldset>
  );
}
