/** Who is signed in, or why the server refused the saved token (with a link to the settings). */
import type { Account } from '../clip/draft-choices';
import { useT } from '../components/i18n';
import { optionsPageUrl } from './extension-pages';

export function AccountLine(props: { signedIn: boolean; account: Account | null }) {
  const t = useT();
  const settingsLink = (
    <a href={optionsPageUrl()} target="_blank" rel="noreferrer">
      {t('clip.action.openSettings')}
    </a>
  );
  if (!props.signedIn) {
    return (
      <p>
        {t('clip.account.notSignedIn')} {settingsLink}
      </p>
    );
  }
  const { account } = props;
  if (!account) return null;
  if (account.name !== null) return <p>{t('clip.account.signedInAs', { name: account.name })}</p>;
  if (account.reason === 'network') return null;
  return (
    <p className="dampingi-error">
      {t(`error.${account.reason}`)} {settingsLink}
    </p>
  );
}
