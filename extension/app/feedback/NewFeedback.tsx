/**
 * Starting feedback on the selected text: the "Beri masukan" button (or Ctrl+Alt+M in the text)
 * takes the selection as an anchor at once — it then follows edits while the comment is written —
 * and opens the composer. On a narrow screen the button floats at the bottom while text is selected.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import type { Anchor } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';
import { createAnchor, type NewAnchor } from './anchor-positions';
import { type ComposedFeedback, FeedbackComposer } from './FeedbackComposer';
import type { FeedbackActions } from './feedback-actions';
import type { FocusRequest } from './feedback-highlights';

type AnchorProblem = Extract<NewAnchor, { ok: false }>['reason'];

export function NewFeedback(props: {
  editor: Editor;
  hasSelection: boolean;
  actions: FeedbackActions | null;
  focusRequest: FocusRequest | null;
  onCreated: (threadId: string, feedback: ComposedFeedback) => void;
}) {
  const t = useT();
  const { editor, actions } = props;
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [problem, setProblem] = useState<AnchorProblem | null>(null);
  const handledRequest = useRef(props.focusRequest?.serial ?? 0);

  const start = () => {
    const { from, to } = editor.state.selection;
    const made = createAnchor(editor.state, { from, to });
    setProblem(made.ok ? null : made.reason);
    setAnchor(made.ok ? made.anchor : null);
  };

  const request = props.focusRequest;
  // biome-ignore lint/correctness/useExhaustiveDependencies: answers each keyboard request once, by its serial.
  useEffect(() => {
    if (!request || request.serial === handledRequest.current) return;
    handledRequest.current = request.serial;
    if (request.target === 'new' && actions && props.hasSelection) start();
  }, [request]);

  const submit = (feedback: ComposedFeedback) => {
    if (!anchor || !actions) return;
    const id = actions.add({ kind: feedback.kind, anchor, body: feedback.body, suggestion: feedback.suggestion });
    setAnchor(null);
    props.onCreated(id, feedback);
  };

  return (
    <div className="feedback-new">
      {!anchor && (
        <div className={`feedback-selection-bar${props.hasSelection ? ' has-selection' : ''}`}>
          <button type="button" className="primary" disabled={!props.hasSelection || !actions} onClick={start}>
            {t('feedback.new.button')}
          </button>
          {!props.hasSelection && <p className="muted">{t('feedback.new.hint')}</p>}
        </div>
      )}
      {problem && (
        <p role="alert" className="problem">
          {t(`feedback.new.${problem}`)}
        </p>
      )}
      {anchor && <FeedbackComposer quote={anchor.quote} onSubmit={submit} onCancel={() => setAnchor(null)} />}
    </div>
  );
}
