/**
 * "Simpan sebagai templat" in the draft's heading, for its owner when they belong to a workspace
 * (their school's teacher community): opens the dialog, and takes the focus back after.
 */
import { useEffect, useRef, useState } from 'react';
import type { Workspace } from '../../../../shared/protocol/api';
import type { ApiClient } from '../../../api/api-client';
import { useT } from '../../../components/i18n';
import { SaveTemplateDialog } from './SaveTemplateDialog';

export function SaveTemplateButton(props: {
  api: ApiClient;
  draftId: string;
  title: string;
  workspaces: readonly Workspace[];
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('cycle.template.open')}
      </button>
      {open && <SaveTemplateDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
