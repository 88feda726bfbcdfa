/**
 * The open draft's working area: the editor (with the reference list under it) and the feedback
 * sidebar beside it, both on one Tiptap editor. The threads of the feedback document are handed
 * to the editor, which highlights them.
 */
import { useEffect, useMemo } from 'react';
import type { FeedbackAuthor } from '../../../shared/mentoring/threads';
import type { PresenceUser } from '../../../shared/presence';
import type { DraftConnection } from '../../sync/draft-connection';
import type { DraftSession } from '../common/use-draft-connection';
import { DraftEditor } from '../editor-core/DraftEditor';
import { useDraftEditor } from '../editor-core/use-draft-editor';
import { FeedbackSidebar } from '../feedback/FeedbackSidebar';
import { feedbackActions } from '../feedback/feedback-actions';
import { feedbackPlugins, setFeedbackThreads } from '../feedback/feedback-highlights';
import type { FeedbackRights } from '../feedback/feedback-rights';
import { useFeedbackThreads } from '../feedback/use-feedback-threads';
import { ReferenceList } from '../references/ReferenceList';

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
  const actions = useMemo(() => (feedbackDoc ? feedbackActions(feedbackDoc, author) : null), [feedbackDoc, author]);

  useEffect(() => {
    if (!editor.isDestroyed) setFeedbackThreads(editor.view, threads);
  }, [editor, threads]);

  return (
    <div className="draft-workspace">
      <div className="draft-main">
        <DraftEditor editor={editor} editable={editable} win={win} />
        <ReferenceList doc={connection.doc} win={win} />
      </div>
      <FeedbackSidebar
        editor={editor}
        session={feedback}
        threads={threads}
        actions={actions}
        rights={props.rights}
        meId={author.id}
        win={win}
      />
    </div>
  );
}
