/** The target draft: a list of the drafts the user may edit, and where the list came from. */
import type { DraftChoices } from '../clip/draft-choices';
import { useT } from '../components/i18n';

export function DraftPicker(props: {
  choices: DraftChoices | null;
  draftId: string | null;
  onChoose: (draftId: string) => void;
}) {
  const t = useT();
  const { choices } = props;
  const drafts = choices?.drafts ?? [];
  return (
    <div className="dampingi-field">
      <label htmlFor="target-draft">{t('clip.drafts.label')}</label>
      <select
        id="target-draft"
        value={props.draftId ?? ''}
        disabled={drafts.length === 0}
        onChange={(event) => props.onChoose(event.target.value)}
      >
        {drafts.length === 0 && <option value="">{choices ? t('clip.drafts.none') : t('clip.drafts.loading')}</option>}
        {drafts.map((draft) => (
          <option key={draft.id} value={draft.id}>
            {draft.title}
          </option>
        ))}
      </select>
      <DraftChoicesNote choices={choices} />
    </div>
  );
}

function DraftChoicesNote({ choices }: { choices: DraftChoices | null }) {
  const t = useT();
  if (!choices || choices.source === 'server') return null;
  if (choices.source === 'saved') return <p className="dampingi-hint">{t('clip.drafts.offline')}</p>;
  return <p className="dampingi-error">{t('clip.drafts.failed', { reason: t(`error.${choices.reason}`) })}</p>;
}
