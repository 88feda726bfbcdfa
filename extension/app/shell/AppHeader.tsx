/**
 * Top bar on every screen: the app name, the account menu (who is signed in, "Akun saya", the
 * admin page for administrators), connecting the extension, sign out, and the language switch.
 */

import { useT } from '../../components/i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ConnectExtension } from '../account/ConnectExtension';
import { ACCOUNT_HREF, ADMIN_HREF, EDITOR_PAGE, SIGN_IN_HREF } from '../common/page-route';

export function AppHeader(props: {
  userName: string | null;
  /** A guest on the web: offered to keep her account by signing in. */
  guest?: boolean;
  onSignOut: (() => void) | null;
  /** Signed in: "Akun saya", and the admin page when `admin`. */
  account?: { admin: boolean } | null;
  /** On the web, signed in: "Hubungkan ekstensi" for this server. */
  connectExtension: { serverUrl: string; win: Window } | null;
}) {
  const t = useT();
  return (
    <header className="app-header">
      <a className="brand" href={EDITOR_PAGE}>
        {t('app.name')}
      </a>
      <div className="app-header-end">
        {props.userName && (
          <span className="signed-in-as">{t('editor.signin.signedInAs', { name: props.userName })}</span>
        )}
        {props.account && (
          <nav className="account-menu" aria-label={t('account.title')}>
            <a href={ACCOUNT_HREF}>{t('account.link')}</a>
            {props.account.admin && <a href={ADMIN_HREF}>{t('admin.link')}</a>}
          </nav>
        )}
        {props.guest && (
          <a className="keep-account" href={SIGN_IN_HREF}>
            {t('signin.guest.keep')}
          </a>
        )}
        {props.connectExtension && (
          <ConnectExtension serverUrl={props.connectExtension.serverUrl} win={props.connectExtension.win} />
        )}
        {props.onSignOut && (
          <button type="button" className="link-button" onClick={props.onSignOut}>
            {t('editor.signin.signOut')}
          </button>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
