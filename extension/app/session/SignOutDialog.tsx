/** Asked before signing out while changes made on this device have not reached the server: signing out forgets them. */
import { useT } from '../../components/i18n';
import { ModalDialog } from '../../components/ModalDialog';

export function SignOutDialog(props: { unsent: number; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <ModalDialog
      title={t('editor.signOut.unsentTitle')}
      closeLabel={t('editor.signOut.cancel')}
      className="share-dialog sign-out-dialog"
      onClose={props.onCancel}
    >
      <p>{t(props.unsent === 1 ? 'editor.signOut.unsent.one' : 'editor.signOut.unsent', { count: props.unsent })}</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={props.onConfirm}>
          {t('editor.signOut.anyway')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('editor.signOut.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
