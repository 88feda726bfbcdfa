/**
 * "Yang tidak dapat disimpan": one sentence per kind of loss in plain words; its details (Word's
 * style and element names, image types) are technical, so they wait behind "Rincian teknis".
 */
import type { NotKeptItem } from '../../../shared/import/not-kept';
import { useT } from '../../components/i18n';

export function NotKeptList(props: { items: readonly NotKeptItem[] }) {
  const t = useT();
  if (props.items.length === 0) return <p className="import-all-kept">{t('import.allKept')}</p>;
  return (
    <>
      <h3>{t('import.notKeptHeading')}</h3>
      <ul className="import-not-kept" aria-label={t('import.notKeptLabel')}>
        {props.items.map((item) => (
          <li key={item.kind} data-kind={item.kind}>
            {t(`import.notKept.${item.kind}`, { count: item.count })}
            {item.details.length > 0 && (
              <details className="import-details">
                <summary>{t('import.detailsSummary')}</summary>
                <span className="muted">{t('import.details', { details: item.details.join(', ') })}</span>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
