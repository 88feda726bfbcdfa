/**
 * Who is signed in; when nobody is (never connected, or the session was ended), what to do: open
 * Dampingi on the web and choose "Hubungkan ekstensi" — with links to it and to the settings.
 */
import type { Account } from '../clip/draft-choices';
import { useT } from '../components/i18n-context';
import { optionsPageUrl, webAppUrl } from './extension-pages';

export function AccountLine(props: {
  signedIn: boolean;
  sessionEnded: boolean;
  account: Account | null;
  serverUrl: string;
}) {
  const t = useT();
  const settingsLink = (
    <a href={optionsPageUrl()} target="_blank" rel="noreferrer">
      {t('clip.action.openSettings')}
    </a>
  );
  if (!props.signedIn) {
    const web = webAppUrl(props.serverUrl);
    return (
      <div className="dampingi-notice">
        <p>{t(props.sessionEnded ? 'pairing.panel.ended' : 'pairing.panel.signedOut')}</p>
        <p>
          {web && (
            <a href={web} target="_blank" rel="noreferrer">
              {t('pairing.panel.openWeb')}
            </a>
          )}{' '}
          {settingsLink}
        </p>
      </div>
    );
  }
  const { account } = props;
  if (!account) return null;
  if (account.name !== null) {
    return <p className="dampingi-account">{t('clip.account.signedInAs', { name: account.name })}</p>;
  }
  if (account.reason === 'network') return null;
  return (
    <p className="dampingi-error">
      {t(`error.${account.reason}`)} {settingsLink}
    </p>
  );
}
