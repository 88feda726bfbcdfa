/** The one line a folded thread shows of its conversation: how many replies follow the first comment. */
import { useT } from '../../components/i18n';

export function ReplyCount(props: { replies: number }) {
  const t = useT();
  const { replies } = props;
  const text =
    replies === 0
      ? t('feedback.thread.noReplies')
      : replies === 1
        ? t('feedback.thread.oneReply')
        : t('feedback.thread.replies', { count: replies });
  return <span className="feedback-reply-count muted">{text}</span>;
}
