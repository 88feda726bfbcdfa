/**
 * The open draft's working area: the editor (with the reference list under it) and the feedback
 * sidebar beside it (under it on a narrow screen, reached by "Masukan (N)"), both on one Tiptap editor. The threads of the feedback document are handed
 * to the editor, which highlights them.
 */
import { useEffect, useId, useMemo } from 'react';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import type { PresenceUser } from '../../../shared/presence';
import type { DraftConnection } from '../../sync/draft-connection';
import { LazyBoundary, lazyView } from '../common/lazy-view';
import type { DraftSession } from '../common/use-draft-connection';
import { DraftEditor } from '../editor-core/DraftEditor';
import { useDraftEditor } from '../editor-core/use-draft-editor';
import { FeedbackJumpButton } from '../feedback/FeedbackJump';
import { feedbackActions } from '../feedback/feedback-actions';
import { feedbackCounts } from '../feedback/feedback-filter';
import { feedbackPlugins, setFeedbackThreads } from '../feedback/feedback-highlights';
import type { FeedbackRights } from '../feedback/feedback-rights';
import { useFeedbackThreads } from '../feedback/use-feedback-threads';
import { ReferenceList } from '../references/ReferenceList';

// Loaded as the draft opens, not before it: the editor's first render does not wait for its code.
const FeedbackSidebar = lazyView(() => import('../feedback/FeedbackSidebar').then((module) => module.FeedbackSidebar));

export function DraftWorkspace(props: {
  connection: DraftConnection;
  feedback: DraftSession;
  user: PresenceUser;
  author: FeedbackAuthor;
  editable: boolean;
  rights: FeedbackRights;
  win: Window;
}) {
  const { connection, feedback, user, author, editable, win } = props;
  const editor = useDraftEditor(connection, user, editable, feedbackPlugins);
  const feedbackDoc = feedback.connection?.doc ?? null;
  const threads = useFeedbackThreads(feedbackDoc);
  const sidebarId = useId();
  const textId = useId();
  const actions = useMemo(() => (feedbackDoc ? feedbackActions(feedbackDoc, author) : null), [feedbackDoc, author]);

  useEffect(() => {
    if (!editor.isDestroyed) setFeedbackThreads(editor.view, threads);
  }, [editor, threads]);

  return (
    <div className="draft-workspace">
      <div className="draft-main" id={textId} tabIndex={-1}>
        <DraftEditor editor={editor} editable={editable} win={win} />
        <ReferenceList doc={connection.doc} win={win} />
      </div>
      <LazyBoundary>
        <FeedbackSidebar
          editor={editor}
          session={feedback}
          threads={threads}
          actions={actions}
          rights={props.rights}
          meId={author.id}
          id={sidebarId}
          textId={textId}
          win={win}
        />
      </LazyBoundary>
      <FeedbackJumpButton openCount={feedbackCounts(threads).open} sidebarId={sidebarId} win={win} />
    </div>
  );
}
