/**
 * "Impor dari Word" on the home page: choose a .docx, see it read (in a worker, so the page stays
 * responsive), see what it holds and what cannot be kept, then create the draft from it. The draft
 * is created on the server empty and the content written through the draft's live connection
 * (import/fill-imported-draft.ts), so it is on this device before the editor opens.
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { titleFromFileName } from '../../../shared/import/docx-file';
import { DraftTitleSchema } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import { useLanguage, useT } from '../../components/i18n';
import type { OfflineCache } from '../common/offline-cache';
import type { ImportedDraft } from './docx-html-to-draft';
import { fillImportedDraft } from './fill-imported-draft';
import { NotKeptList } from './NotKeptList';
import { hasNeedsAnalysis, withNeedsAnalysis } from './needs-analysis-section';
import { type ImportRefusal, type ReadDocxBytes, readDocxFile, readDocxInWorker } from './read-docx-file';

type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'refused'; name: string; reason: ImportRefusal }
  | { step: 'ready'; name: string; draft: ImportedDraft; problem: ApiFailureReason | null }
  | { step: 'creating' | 'saving'; name: string; draft: ImportedDraft }
  | { step: 'fill-failed'; title: string };

const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ImportFromWord(props: {
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  win: Window;
  onCreated: (draftId: string) => void;
  /** The reader of the file's bytes; the worker unless a test runs it on the page. */
  read?: ReadDocxBytes;
}) {
  const t = useT();
  const [language] = useLanguage();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const [title, setTitle] = useState('');
  const latestRead = useRef(0);
  const baseId = useId();
  const preview = useRef<HTMLElement>(null);
  const readyName = state.step === 'ready' ? state.name : null;

  // The result appears under the file field, often below the fold: bring it into view and give it the focus.
  useEffect(() => {
    if (readyName === null || !preview.current) return;
    preview.current.scrollIntoView({ block: 'start' });
    preview.current.focus({ preventScroll: true });
  }, [readyName]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) reads it again.
    event.target.value = '';
    if (!file) return;
    const readId = ++latestRead.current;
    setState({ step: 'reading', name: file.name });
    const preview = await readDocxFile(
      file,
      props.win.document,
      (reason, alt) => t(`import.placeholder.${reason}`, { alt: alt ? t('import.placeholder.alt', { alt }) : '' }),
      props.read ?? readDocxInWorker,
    );
    // A file chosen later wins over this one.
    if (readId !== latestRead.current) return;
    if (!preview.ok) {
      setState({ step: 'refused', name: file.name, reason: preview.reason });
      return;
    }
    setTitle(preview.draft.title ?? titleFromFileName(file.name));
    setState({ step: 'ready', name: file.name, draft: preview.draft, problem: null });
  };

  const create = async (name: string, draft: ImportedDraft) => {
    const parsed = DraftTitleSchema.safeParse(title || titleFromFileName(name));
    if (!parsed.success) {
      setState({ step: 'ready', name, draft, problem: 'bad-request' });
      return;
    }
    setState({ step: 'creating', name, draft });
    // No template: the server creates the draft empty, and the file's content is all it holds.
    const created = await props.api.createDraft({ title: parsed.data, language });
    if (!created.ok) {
      setState({ step: 'ready', name, draft, problem: created.reason });
      return;
    }
    setState({ step: 'saving', name, draft });
    const { serverUrl, token } = props;
    try {
      await fillImportedDraft(
        { serverUrl, token, draftId: created.value.id, content: withNeedsAnalysis(draft.content, language) },
        props.win,
        props.cache,
      );
    } catch (error) {
      console.error('import: could not write the content into the new draft', error);
      setState({ step: 'fill-failed', title: parsed.data });
      return;
    }
    props.onCreated(created.value.id);
  };

  const cancel = () => {
    latestRead.current++;
    setState({ step: 'idle' });
  };
  const busy = state.step === 'reading' || state.step === 'creating' || state.step === 'saving';

  return (
    <section className="import-word" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>{t('import.heading')}</h2>
      <p className="muted">{t('import.hint')}</p>
      <label htmlFor={`${baseId}-file`}>{t('import.choose')}</label>{' '}
      <input
        id={`${baseId}-file`}
        type="file"
        accept={DOCX_TYPES}
        aria-describedby={`${baseId}-limit`}
        disabled={state.step === 'creating' || state.step === 'saving'}
        onChange={(event) => void choose(event)}
      />
      <p id={`${baseId}-limit`} className="muted">
        {t('import.limit')}
      </p>
      <div role="status" aria-live="polite">
        {busy && (
          <p>
            {state.step === 'reading'
              ? t('import.reading')
              : t(state.step === 'creating' ? 'import.creating' : 'import.saving')}
          </p>
        )}
      </div>
      {state.step === 'refused' && (
        <p role="alert" className="problem">
          {t(`import.refused.${state.reason}`)}
        </p>
      )}
      {state.step === 'fill-failed' && (
        <p role="alert" className="problem">
          {t('import.fillFailed', { title: state.title })}
        </p>
      )}
      {(state.step === 'ready' || state.step === 'creating' || state.step === 'saving') && (
        <section className="import-preview" ref={preview} tabIndex={-1} aria-labelledby={`${baseId}-ready`}>
          <p id={`${baseId}-ready`}>{t('import.ready', { name: state.name })}</p>
          <p className="muted">{t('import.summary', { ...state.draft.summary })}</p>
          {!hasNeedsAnalysis(state.draft.content) && <p className="muted">{t('import.needsAnalysisAdded')}</p>}
          <NotKeptList items={state.draft.notKept} />
          <label htmlFor={`${baseId}-title`}>{t('import.titleLabel')}</label>
          <div className="inline-form">
            <input
              id={`${baseId}-title`}
              type="text"
              maxLength={200}
              required
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void create(state.name, state.draft)}
            >
              {t('import.create')}
            </button>
            <button type="button" disabled={busy} onClick={cancel}>
              {t('import.cancel')}
            </button>
          </div>
          {state.step === 'ready' && state.problem && (
            <p role="alert" className="problem">
              {t('import.createFailed', { reason: t(`error.${state.problem}`) })}
            </p>
          )}
        </section>
      )}
    </section>
  );
}
