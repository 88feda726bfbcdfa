/** The draft's versions, newest first: name (or the automatic one), who and when, feedback counts, and what to do with each. */
import type { VersionInfo } from '../../../shared/versions/version-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { versionName } from './version-names';

export function VersionList(props: {
  versions: readonly VersionInfo[];
  canRestore: boolean;
  busy: boolean;
  onOpen(version: VersionInfo): void;
  onCompareNow(version: VersionInfo): void;
  onRestore(version: VersionInfo): void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { versions } = props;
  return (
    <ol className="version-list">
      {versions.map((version) => {
        const name = versionName(version, versions, t);
        const same = version.sameAs ? versions.find((other) => other.id === version.sameAs) : undefined;
        return (
          <li key={version.id} className={`version-item version-${version.kind}`} aria-label={name}>
            <div className="version-item-text">
              <strong className="version-name">{name}</strong>
              <span className="version-kind">{t(`versions.kind.${version.kind}`)}</span>
              <span className="version-meta">
                {t('versions.list.by', { name: version.createdBy.name })},{' '}
                <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, language)}</time>
              </span>
              <span className="version-feedback">
                {t('versions.list.feedback', { open: version.feedback.open, resolved: version.feedback.resolved })}
              </span>
              {version.kind === 'restore' && <span className="version-note">{t('versions.list.restoreNote')}</span>}
              {same && (
                <span className="version-note">
                  {t('versions.list.sameAs', { name: versionName(same, versions, t) })}
                </span>
              )}
            </div>
            <fieldset className="version-actions" aria-label={t('versions.actionsFor', { name })}>
              <button type="button" onClick={() => props.onOpen(version)} disabled={props.busy}>
                {t('versions.open')}
              </button>
              <button type="button" onClick={() => props.onCompareNow(version)} disabled={props.busy}>
                {t('versions.compareNow')}
              </button>
              {props.canRestore && (
                <button type="button" onClick={() => props.onRestore(version)} disabled={props.busy}>
                  {t('versions.restore')}
                </button>
              )}
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
