/** "This source is already in the draft": add the held clip to that card, make a new card, or cancel. */
import { useT } from '../components/i18n-context';
import type { SourceQuestion } from './use-source-question';

export function SourceQuestionDialog(props: SourceQuestion & { working: boolean }) {
  const t = useT();
  const { question, answer, cancel, working } = props;
  if (!question) return null;
  return (
    <div className="dampingi-question" role="alertdialog" aria-labelledby="source-exists-text">
      <p id="source-exists-text">{t('clip.duplicate.notice', { title: question.sourceInDraft.title })}</p>
      <div className="dampingi-actions">
        <button type="button" onClick={() => answer('add-to-existing')} disabled={working}>
          {t('clip.duplicate.add')}
        </button>
        <button type="button" onClick={() => answer('new-source')} disabled={working}>
          {t('clip.duplicate.new')}
        </button>
        <button type="button" className="dampingi-link-button" onClick={cancel}>
          {t('clip.duplicate.cancel')}
        </button>
      </div>
    </div>
  );
}
