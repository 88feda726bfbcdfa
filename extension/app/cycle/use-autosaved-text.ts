/**
 * A text field over a stored value that saves when the writer pauses or leaves the field, never on
 * every keystroke (each save is a Yjs update sent to everyone). While the field is being edited,
 * remote changes do not overwrite what is typed; once left, it shows the stored value again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a pause in typing is before the text is saved. */
export const AUTOSAVE_PAUSE_MS = 1_000;

export interface AutosavedText {
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
}

export function useAutosavedText(
  stored: string,
  save: (text: string) => void,
  pauseMs = AUTOSAVE_PAUSE_MS,
): AutosavedText {
  const [editing, setEditing] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ stored, save });
  latest.current = { stored, save };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = pending.current;
    pending.current = null;
    if (text !== null && text !== latest.current.stored) latest.current.save(text);
  }, []);

  // Leaving the view (or the draft) while a pause is pending still saves.
  useEffect(() => flush, [flush]);

  return {
    value: editing ?? stored,
    onChange: (text) => {
      setEditing(text);
      pending.current = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, pauseMs);
    },
    onBlur: () => {
      flush();
      setEditing(null);
    },
  };
}
