/** Top bar on every screen: the app name, who is signed in, sign out, and the language switch. */

import { useT } from '../../components/i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { EDITOR_PAGE } from '../common/page-route';

export function AppHeader(props: { userName: string | null; onSignOut: (() => void) | null }) {
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
