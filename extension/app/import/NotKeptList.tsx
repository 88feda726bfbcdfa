/** "Yang tidak dapat disimpan": one sentence per kind of loss, with its details (style names, image types). */
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
              <span className="muted"> {t('import.details', { details: item.details.join(', ') })}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
