/**
 * What the server refused of this page's cycle changes (moving the stage, writing the plan), in
 * words: the refused change was dropped and the document reopened from the server's copy.
 */
import { useState } from 'react';
import type { WriteRefusal, WriteRefusalReason } from '../../../shared/protocol/write-refusal';
import { useT } from '../../components/i18n';

export function CycleRefusal(props: { refusal: WriteRefusal | null; reasons: readonly WriteRefusalReason[] }) {
  const t = useT();
  const [dismissed, setDismissed] = useState<WriteRefusal | null>(null);
  const { refusal } = props;
  if (!refusal || refusal === dismissed || refusal.code !== 'feedback-rule') return null;
  if (!refusal.reason || !props.reasons.includes(refusal.reason)) return null;
  return (
    <div className="notice cycle-refusal">
      <p role="alert">
        {t(refusal.reason === 'may-not-move-stage' ? 'cycle.move.refused' : 'cycle.refused.change', {
          reason: t(`feedback.refused.${refusal.reason}`),
        })}
      </p>
      <button type="button" className="link-button" onClick={() => setDismissed(refusal)}>
        {t('cycle.refused.dismiss')}
      </button>
    </div>
  );
}
