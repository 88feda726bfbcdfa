/** Picks the screen for the page's address once the user is known. */
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { AccountPage } from '../account/AccountPage';
import { AdminPage } from '../admin/AdminPage';
import type { OfflineCache } from '../common/offline-cache';
import { EDITOR_PAGE, type EditorRoute } from '../common/page-route';
import { DraftPage } from '../drafts/DraftPage';
import { HomePage } from '../home/HomePage';
import { InboxPage } from '../inbox/InboxPage';
import { MentorOverview } from '../overview/MentorOverview';
import { SharePage } from '../share/SharePage';

export function SignedInRoutes(props: {
  route: EditorRoute;
  api: ApiClient;
  cache: OfflineCache;
  serverUrl: string;
  token: string | null;
  me: MeResponse;
  win: Window;
}) {
  const t = useT();
  const { route, api, cache, win } = props;
  switch (route.page) {
    case 'home':
      return <HomePage api={api} cache={cache} win={win} serverUrl={props.serverUrl} token={props.token} />;
    case 'overview':
      return <MentorOverview api={api} cache={cache} win={win} />;
    case 'account':
      return <AccountPage serverUrl={props.serverUrl} token={props.token} me={props.me} win={win} />;
    case 'share':
      return (
        <SharePage
          api={api}
          cache={cache}
          serverUrl={props.serverUrl}
          token={props.token}
          win={win}
          shareId={route.shareId}
          notKept={route.notKept}
        />
      );
    case 'inbox':
      return <InboxPage api={api} cache={cache} serverUrl={props.serverUrl} token={props.token} win={win} />;
    case 'admin':
      return <AdminPage serverUrl={props.serverUrl} token={props.token} me={props.me} win={win} />;
    case 'draft':
      return (
        <DraftPage
          key={route.draftId}
          api={api}
          cache={cache}
          serverUrl={props.serverUrl}
          token={props.token}
          me={props.me}
          draftId={route.draftId}
          view={route.view}
          win={win}
        />
      );
    case 'invalid-draft':
      return (
        <main className="panel">
          <p role="alert" className="problem">
            {t('editor.draft.invalidLink')}
          </p>
          <a href={EDITOR_PAGE}>{t('editor.draft.allDrafts')}</a>
        </main>
      );
  }
}
