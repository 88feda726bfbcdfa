/**
 * A modal <dialog> with a heading and a close button (Escape closes it too); where showModal is
 * missing (jsdom) it is simply shown open. `DialogButton` opens one and takes the focus back after.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function ModalDialog(props: {
  title: string;
  closeLabel: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={props.className}
      aria-labelledby={titleId}
      onClose={props.onClose}
      onKeyDown={onKeyDown}
    >
      <div className="share-dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
      {props.children}
    </dialog>
  );
}

/** A button that opens a dialog; `dialog` renders it while open, with the function that closes it. */
export function DialogButton(props: { label: string; dialog: (close: () => void) => ReactNode }) {
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
        {props.label}
      </button>
      {open && props.dialog(() => setOpen(false))}
    </>
  );
}
