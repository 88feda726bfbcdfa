/** Top bar on every screen: the app name, who is signed in, connecting the extension, sign out, and the language switch. */

import { useT } from '../../components/i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ConnectExtension } from '../account/ConnectExtension';
import { EDITOR_PAGE, SIGN_IN_HREF } from '../common/page-route';

export function AppHeader(props: {
  userName: string | null;
  /** A guest on the web: offered to keep her account by signing in. */
  guest?: boolean;
  onSignOut: (() => void) | null;
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
