/** What arrived from the share sheet, as the person will recognise it: kind, title, site, text, pictures. */
import { useEffect, useState } from 'react';
import { useT } from '../../components/i18n';
import type { SharedEntry } from './share-store';
import { readSharedContent, shareKind } from './shared-content';

const TEXT_SHOWN = 600;

export function SharedPreview(props: { entry: SharedEntry }) {
  const t = useT();
  const { entry } = props;
  const shared = readSharedContent(entry);
  const pictures = entry.files.filter((file) => file.type === '' || file.type.startsWith('image/'));
  const kind = shareKind(shared, pictures.length);
  const site = shared.url ? new URL(shared.url).host : null;
  return (
    <div className="shared-preview" data-share-kind={kind}>
      <p className="shared-kind">{t(`share.kind.${kind}`)}</p>
      {shared.title && <p className="shared-title">{shared.title}</p>}
      {site && <p className="muted">{t('share.site', { site })}</p>}
      {shared.text && (
        <blockquote className="shared-text">
          {shared.text.length > TEXT_SHOWN ? `${shared.text.slice(0, TEXT_SHOWN)}…` : shared.text}
        </blockquote>
      )}
      {pictures.map((file) =>
        file.blob ? (
          <PicturePreview key={`${file.name}:${file.size}`} blob={file.blob} name={file.name} />
        ) : (
          <p key={`${file.name}:${file.size}`} className="problem">
            {t('share.pictureTooLarge', { name: file.name })}
          </p>
        ),
      )}
      {kind === 'page' && !entry.asLink && <p className="muted">{t('share.pageNote')}</p>}
      {kind === 'empty' && <p className="problem">{t('share.empty')}</p>}
    </div>
  );
}

function PicturePreview(props: { blob: Blob; name: string }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(props.blob);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [props.blob]);
  return src ? <img className="shared-picture" src={src} alt={t('share.pictureAlt', { name: props.name })} /> : null;
}
