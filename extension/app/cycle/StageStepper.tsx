/**
 * The stepper at the top of a draft, one compact line: the five stages of the mentoring cycle with
 * the current one marked and named (the others by number, named on hover and to screen readers),
 * who moved it there and when, the moves this role may make (each asks for an optional
 * note), the stage history, and the server's reason when it refused a move. The stage never locks
 * the media: it says where teacher and mentor are, not what may be edited.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { moveStage } from '../../../shared/mentoring/cycle-doc';
import { stageIndex } from '../../../shared/mentoring/stage-moves';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import { type Stage, stages } from '../../../shared/model/stages';
import type { WriteRefusal } from '../../../shared/protocol/write-refusal';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { CycleRefusal } from './CycleRefusal';
import type { CycleRights } from './cycle-rights';
import { StageHistory } from './StageHistory';
import { StageMoveForm } from './StageMoveForm';
import type { CycleState } from './use-cycle';

export function StageStepper(props: {
  cycle: CycleState;
  /** The feedback document; null while it opens. */
  doc: Y.Doc | null;
  rights: CycleRights;
  author: FeedbackAuthor;
  refusal: WriteRefusal | null;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const { cycle, doc, rights } = props;
  const [moving, setMoving] = useState<Stage | null>(null);
  const current = stageIndex(cycle.stage);
  const last = cycle.moves.at(-1);
  // The stage may have moved (by someone else) while the form was open: offer only a move still allowed.
  const target = moving && (moving === rights.forward || moving === rights.back) ? moving : null;

  return (
    <section className="stage-stepper" aria-labelledby={headingId} data-stage={cycle.stage}>
      <h2 id={headingId} className="visually-hidden">
        {t('cycle.stepper.heading')}
      </h2>
      <div className="stage-stepper-row">
        <ol className="stage-steps">
          {stages.map((stage, index) => {
            const state = index < current ? 'done' : index === current ? 'current' : 'todo';
            return (
              <li
                key={stage}
                title={t(`cycle.stage.${stage}`)}
                className={`stage-step stage-step--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
                data-stage={stage}
              >
                <span className="stage-step-marker" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span className="stage-step-name">{t(`cycle.stage.${stage}`)}</span>
                {state === 'done' && <span className="visually-hidden"> {t('cycle.stepper.done')}</span>}
                {state === 'current' && <span className="visually-hidden"> {t('cycle.stepper.current')}</span>}
              </li>
            );
          })}
        </ol>
        <p className="muted stage-last-move">
          {last
            ? t('cycle.stepper.lastMove', { name: last.byName, time: formatDateTime(last.at, language) })
            : t('cycle.stepper.neverMoved')}{' '}
          {t('cycle.stepper.stillEditable')}
        </p>
        <StageHistory moves={cycle.moves} />
        {doc && (rights.back || rights.forward) && (
          <div className="stage-stepper-actions">
            {rights.back && (
              <button type="button" aria-expanded={target === rights.back} onClick={() => setMoving(rights.back)}>
                <span aria-hidden="true">← </span>
                {t('cycle.stepper.back', { stage: t(`cycle.stage.${rights.back}`) })}
              </button>
            )}
            {rights.forward && (
              <button
                type="button"
                className="primary"
                aria-expanded={target === rights.forward}
                onClick={() => setMoving(rights.forward)}
              >
                {t('cycle.stepper.forward', { stage: t(`cycle.stage.${rights.forward}`) })}
                <span aria-hidden="true"> →</span>
              </button>
            )}
          </div>
        )}
      </div>
      {doc && target && (
        <StageMoveForm
          key={target}
          to={target}
          onMove={(note) => {
            moveStage(doc, target, props.author, note);
            setMoving(null);
          }}
          onCancel={() => setMoving(null)}
        />
      )}
      <CycleRefusal refusal={props.refusal} reasons={['may-not-move-stage']} />
    </section>
  );
}
