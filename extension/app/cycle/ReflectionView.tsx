/**
 * The reflection view: the draft's strength and improvement feedback and the classroom observation
 * notes in two columns, "Pertahankan" (keep) and "Perbaiki" (fix); the teacher's reflection on each
 * item, and overall along three guided prompts. Owner and editors write; everyone else reads.
 */
import { useId, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Tone } from '../../../shared/mentoring/cycle-schema';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import type { WriteRefusal } from '../../../shared/protocol/write-refusal';
import { useT } from '../../components/i18n';
import { CycleRefusal } from './CycleRefusal';
import { OverallReflectionForm } from './OverallReflectionForm';
import { ReflectionItemCard } from './ReflectionItemCard';
import { type ReflectionItem, reflectionColumns } from './reflection-items';
import type { CycleState } from './use-cycle';

export interface CycleViewProps {
  draftId: string;
  /** The feedback document; null while it opens. */
  doc: Y.Doc | null;
  threads: Thread[];
  cycle: CycleState;
  /** May write the reflection and the plan. */
  canWrite: boolean;
  author: FeedbackAuthor;
  refusal: WriteRefusal | null;
  win: Window;
}

export function ReflectionView(props: CycleViewProps) {
  const t = useT();
  const headingId = useId();
  const { doc, cycle } = props;
  const columns = useMemo(
    () => reflectionColumns(props.threads, cycle.observations),
    [props.threads, cycle.observations],
  );
  const canWrite = props.canWrite && doc !== null;

  return (
    <section className="cycle-view reflection-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cycle.reflect.heading')}</h2>
      <p className="muted">{t('cycle.reflect.intro')}</p>
      <p className="muted">{t(canWrite ? 'cycle.reflect.autosave' : 'cycle.reflect.readOnly')}</p>
      <CycleRefusal refusal={props.refusal} reasons={['may-not-plan', 'not-your-feedback', 'malformed']} />
      {!doc ? (
        <p className="muted">{t('cycle.opening')}</p>
      ) : (
        <>
          <div className="reflection-columns">
            {(['keep', 'fix'] as const).map((tone) => (
              <ReflectionColumn key={tone} tone={tone} items={columns[tone]} {...props} doc={doc} canWrite={canWrite} />
            ))}
          </div>
          <OverallReflectionForm
            doc={doc}
            overall={cycle.reflections.overall}
            canWrite={canWrite}
            author={props.author}
          />
        </>
      )}
    </section>
  );
}

function ReflectionColumn(props: CycleViewProps & { doc: Y.Doc; tone: Tone; items: ReflectionItem[] }) {
  const t = useT();
  const headingId = useId();
  const { tone, items } = props;
  return (
    <section className={`reflection-column reflection-column--${tone}`} aria-labelledby={headingId} data-column={tone}>
      <h3 id={headingId}>{t(`cycle.reflect.${tone}`)}</h3>
      <p className="muted">{t(`cycle.reflect.${tone}Hint`)}</p>
      {items.length === 0 ? (
        <p className="muted">{t('cycle.reflect.emptyColumn')}</p>
      ) : (
        <ol className="reflection-items">
          {items.map((item) => (
            <li key={item.ref}>
              <ReflectionItemCard
                item={item}
                draftId={props.draftId}
                doc={props.doc}
                reflection={props.cycle.reflections.items.get(item.ref) ?? null}
                canWrite={props.canWrite}
                author={props.author}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
