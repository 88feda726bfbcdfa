/** Placeholder: the classroom observation view (issue 8), filled in by its own change. */
import type { FeedbackAuthor } from '../../../../shared/feedback/feedback-doc';
import type { DraftConnection } from '../../../sync/draft-connection';
import type { FeedbackRights } from '../../feedback/feedback-rights';
import type { DraftSession } from '../../use-draft-connection';

export interface ObservationViewProps {
  /** The draft's content document (to tie a note to a part of the media). */
  content: DraftConnection;
  /** The draft's feedback document, where the notes live. */
  feedback: DraftSession;
  author: FeedbackAuthor;
  rights: FeedbackRights;
  win: Window;
}

export function ObservationView(_props: ObservationViewProps) {
  return <section className="observation-view" />;
}
