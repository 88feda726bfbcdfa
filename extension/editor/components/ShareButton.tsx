/** "Share" in the draft's heading, for its owner: opens the share dialog, and takes focus back after. */
import { useEffect, useRef, useState } from 'react';
import type { MeResponse } from '../../../shared/protocol/api';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { ShareDialog } from './ShareDialog';

export function ShareButton(props: {
  api: ApiClient;
  draftId: string;
  serverUrl: string;
  me: MeResponse;
  win: Window;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Only once the modal is gone: while it is open the rest of the page is inert and cannot take focus.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('editor.share.open')}
      </button>
      {open && <ShareDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
