/**
 * The export dialog: format (Word, web page, Markdown with pictures inside or in a zip), whether to
 * add the feedback summary and the follow-up plan, the teacher's or the students' version ("Versi
 * peserta didik" leaves out the teacher-only parts), then "Unduh" with progress and "Batalkan
 * ekspor"; and "Cetak" (or "Cetak versi peserta didik"), the browser's print of the page (print.css
 * makes it an A4 worksheet; ../student-version/print-version.ts hides the teacher-only parts).
 */
import { type FormEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { DraftVersion } from '../../../shared/model/audience';
import { useLanguage, useT } from '../../components/i18n';
import { ModalDialog } from '../../components/ModalDialog';
import { printVersion } from '../student-version/print-version';
import { ExportStatus } from './ExportStatus';
import type { ExportFormatChoice, MarkdownImagesChoice } from './run-export';
import { useExport } from './use-export';

const FORMATS: {
  value: ExportFormatChoice;
  label: 'export.format.docx' | 'export.format.html' | 'export.format.markdown';
  hint: 'export.format.docxHint' | 'export.format.htmlHint' | 'export.format.markdownHint';
}[] = [
  { value: 'docx', label: 'export.format.docx', hint: 'export.format.docxHint' },
  { value: 'html', label: 'export.format.html', hint: 'export.format.htmlHint' },
  { value: 'markdown', label: 'export.format.markdown', hint: 'export.format.markdownHint' },
];

export function ExportDialog(props: {
  draft: Y.Doc;
  feedback: Y.Doc | null;
  title: string;
  canPrint: boolean;
  win: Window;
  onClose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const hintId = useId();
  const [format, setFormat] = useState<ExportFormatChoice>('docx');
  const [markdownImages, setMarkdownImages] = useState<MarkdownImagesChoice>('inline');
  const [includeFeedback, setIncludeFeedback] = useState(false);
  const [includePlan, setIncludePlan] = useState(false);
  const [version, setVersion] = useState<DraftVersion>('teacher');
  const { state, start, cancel } = useExport(props.win);
  const running = state.kind === 'running';
  const offline = props.win.navigator.onLine === false;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start({
      draft: props.draft,
      feedback: props.feedback,
      title: props.title,
      language,
      format,
      markdownImages,
      includeFeedback: includeFeedback && props.feedback !== null,
      includePlan: includePlan && props.feedback !== null,
      version,
    });
  };

  const print = () => {
    props.onClose();
    // After the dialog has gone, so it is not part of what is printed.
    props.win.setTimeout(() => printVersion(props.win, version), 50);
  };

  return (
    <ModalDialog
      title={t('export.title')}
      closeLabel={t('export.close')}
      className="share-dialog export-dialog"
      onClose={props.onClose}
    >
      <p className="muted">{t('export.alwaysIncluded')}</p>
      {offline && <p className="notice">{t('export.offline')}</p>}
      <form onSubmit={onSubmit} aria-label={t('export.title')}>
        <fieldset className="export-choices" disabled={running}>
          <legend>{t('export.format')}</legend>
          {FORMATS.map((choice) => (
            <label key={choice.value} className="export-choice">
              <input
                type="radio"
                name="export-format"
                value={choice.value}
                checked={format === choice.value}
                onChange={() => setFormat(choice.value)}
              />
              <span>
                {t(choice.label)}
                <span className="muted export-choice-hint">{t(choice.hint)}</span>
              </span>
            </label>
          ))}
          {format === 'markdown' && (
            <fieldset className="export-choices export-subchoices">
              <legend>{t('export.images')}</legend>
              {(['inline', 'zip'] as const).map((value) => (
                <label key={value} className="export-choice">
                  <input
                    type="radio"
                    name="export-markdown-images"
                    value={value}
                    checked={markdownImages === value}
                    onChange={() => setMarkdownImages(value)}
                  />
                  <span>{t(value === 'inline' ? 'export.images.inline' : 'export.images.zip')}</span>
                </label>
              ))}
            </fieldset>
          )}
        </fieldset>
        <fieldset className="export-choices" disabled={running}>
          <legend>{t('export.version')}</legend>
          {(['teacher', 'student'] as const).map((value) => (
            <label key={value} className="export-choice">
              <input
                type="radio"
                name="export-version"
                value={value}
                checked={version === value}
                onChange={() => setVersion(value)}
              />
              <span>
                {t(value === 'teacher' ? 'export.version.teacher' : 'export.version.student')}
                {value === 'student' && (
                  <span className="muted export-choice-hint">{t('export.version.studentHint')}</span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-choices" disabled={running || props.feedback === null}>
          <legend>{t('export.include')}</legend>
          <label className="export-choice">
            <input
              type="checkbox"
              checked={includeFeedback}
              onChange={(event) => setIncludeFeedback(event.target.checked)}
            />
            <span>{t('export.includeFeedback')}</span>
          </label>
          <label className="export-choice">
            <input type="checkbox" checked={includePlan} onChange={(event) => setIncludePlan(event.target.checked)} />
            <span>{t('export.includePlan')}</span>
          </label>
          {props.feedback === null && <p className="muted">{t('export.includeUnavailable')}</p>}
        </fieldset>
        <div className="export-actions">
          <button type="submit" className="primary" disabled={running}>
            {t('export.download')}
          </button>
          <button type="button" onClick={print} disabled={!props.canPrint || running} aria-describedby={hintId}>
            {t(version === 'student' ? 'export.printStudent' : 'export.print')}
          </button>
        </div>
        <p id={hintId} className="muted">
          {props.canPrint ? t('export.printHint') : t('export.printOtherView')}
        </p>
      </form>
      <ExportStatus state={state} onCancel={cancel} />
    </ModalDialog>
  );
}
