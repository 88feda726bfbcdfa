/**
 * The teacher's overall reflection along three guided prompts: what went as planned, what the
 * students did, what I learned. Each answer is saved when the writer pauses or leaves the field.
 */
import { useId } from 'react';
import type * as Y from 'yjs';
import { readReflections, setOverallReflection } from '../../../shared/mentoring/cycle-doc';
import type { OverallReflection } from '../../../shared/mentoring/cycle-schema';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { useAutosavedText } from './use-autosaved-text';

const prompts = ['planned', 'students', 'learned'] as const;
type Prompt = (typeof prompts)[number];

export function OverallReflectionForm(props: {
  doc: Y.Doc;
  overall: OverallReflection | null;
  canWrite: boolean;
  author: FeedbackAuthor;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const { overall } = props;
  return (
    <section className="overall-reflection" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cycle.reflect.overall')}</h3>
      {prompts.map((prompt) => (
        <PromptField key={prompt} prompt={prompt} {...props} />
      ))}
      {overall && (
        <p className="muted reflection-by">
          {t('cycle.reflect.reflectionBy', { name: overall.byName, time: formatDateTime(overall.at, language) })}
        </p>
      )}
    </section>
  );
}

function PromptField(props: {
  prompt: Prompt;
  doc: Y.Doc;
  overall: OverallReflection | null;
  canWrite: boolean;
  author: FeedbackAuthor;
}) {
  const t = useT();
  const fieldId = useId();
  const { prompt, doc, author } = props;
  const stored = props.overall?.[prompt] ?? '';
  // The other answers as stored now (another field may have been saved a moment ago).
  const text = useAutosavedText(stored, (value) => {
    const current = readReflections(doc).overall;
    const answers = {
      planned: current?.planned ?? '',
      students: current?.students ?? '',
      learned: current?.learned ?? '',
    };
    setOverallReflection(doc, { ...answers, [prompt]: value }, author);
  });
  const label = t(`cycle.reflect.${prompt}`);
  if (!props.canWrite) {
    return (
      <div className="overall-prompt">
        <p className="overall-prompt-label">{label}</p>
        <p className={stored ? undefined : 'muted'}>{stored || t('cycle.reflect.notAnswered')}</p>
      </div>
    );
  }
  return (
    <div className="overall-prompt">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        rows={3}
        value={text.value}
        onChange={(event) => text.onChange(event.target.value)}
        onBlur={text.onBlur}
      />
    </div>
  );
}
