/** The admin page's storage: every draft with its owner and size, largest first, and the total. */
import { useCallback } from 'react';
import type { AdminClient } from '../../api/admin-client';
import { useLanguage, useT } from '../../components/i18n';
import { LoadState } from '../common/LoadState';
import { useLoaded } from '../common/use-loaded';
import { formatBytes } from './byte-size';

export function StorageSection(props: { admin: AdminClient }) {
  const t = useT();
  const [language] = useLanguage();
  const { admin } = props;
  const loadStorage = useCallback(() => admin.storage(), [admin]);
  const storage = useLoaded(loadStorage);
  return (
    <section className="admin-section" aria-labelledby="admin-storage">
      <h2 id="admin-storage">{t('admin.storage.heading')}</h2>
      <LoadState
        loaded={storage}
        loadingText={t('admin.loading')}
        failedText={t('admin.loadFailed')}
        retryText={t('admin.retry')}
      >
        {({ drafts, totalBytes }) =>
          drafts.length === 0 ? (
            <p className="muted">{t('admin.storage.empty')}</p>
          ) : (
            <>
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.storage.draft')}</th>
                    <th scope="col">{t('admin.storage.owner')}</th>
                    <th scope="col" className="number">
                      {t('admin.storage.size')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...drafts]
                    .sort((a, b) => b.bytes - a.bytes || a.title.localeCompare(b.title))
                    .map((draft) => (
                      <tr key={draft.draftId}>
                        <th scope="row">{draft.title}</th>
                        <td>{draft.ownerName}</td>
                        <td className="number" data-bytes={draft.bytes}>
                          {formatBytes(draft.bytes, language)}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <p>{t('admin.storage.total', { size: formatBytes(totalBytes, language), count: drafts.length })}</p>
            </>
          )
        }
      </LoadState>
    </section>
  );
}
