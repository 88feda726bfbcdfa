/** The sentence an action left: done (polite), or refused and why (an alert). Empty until one ran. */
import type { ActionOutcome } from './use-loaded';

export function ActionOutcomeNote(props: { outcome: ActionOutcome | null; busyText?: string | null }) {
  const { outcome } = props;
  return (
    <div className="action-outcome">
      <p aria-live="polite" className="muted">
        {props.busyText ?? ''}
        {outcome?.ok ? <span className="notice">{outcome.message}</span> : null}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="problem">
          {outcome.message}
        </p>
      )}
    </div>
  );
}
