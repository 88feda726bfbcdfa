/** Picks the screen for the page's address once the user is known. */
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { LazyBoundary, lazyView } from '../common/lazy-view';
import type { OfflineCache } from '../common/offline-cache';
import { EDITOR_PAGE, type EditorRoute } from '../common/page-route';
import { DraftPage } from '../drafts/DraftPage';

// Pages other than a draft load on demand (extension/app/common/lazy-view.tsx). The home page too:
// its create form brings the built-in templates (~170 kB of JSON, checked by zod as it loads) and the
// Word import, which a draft's first load would otherwise parse and run before the editor (issue 21).
const HomePage = lazyView(() => import('../home/HomePage').then((module) => module.HomePage));
const AccountPage = lazyView(() => import('../account/AccountPage').then((module) => module.AccountPage));
const AdminPage = lazyView(() => import('../admin/AdminPage').then((module) => module.AdminPage));
const InboxPage = lazyView(() => import('../inbox/InboxPage').then((module) => module.InboxPage));
const MentorOverview = lazyView(() => import('../overview/MentorOverview').then((module) => module.MentorOverview));
const SharePage = lazyView(() => import('../share/SharePage').then((module) => module.SharePage));

type SignedInProps = Parameters<typeof SignedInScreen>[0];

/** The screens other than a draft load on demand: "Membuka…" meanwhile. */
export function SignedInRoutes(props: SignedInProps) {
  return (
    <LazyBoundary>
      <SignedInScreen {...props} />
    </LazyBoundary>
  );
}

function SignedInScreen(props: {
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
