/**
 * The state of an export in the dialog: idle, running with its percentage, and how it ended;
 * cancel on demand. A cancel is shown the moment it is asked for, not when the conversion notices;
 * whatever a cancelled (or replaced) run reports afterwards is dropped — and it saves no file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ExportOutcome, type ExportRequest, runExport } from './run-export';

export type ExportState = { kind: 'idle' } | { kind: 'running'; percent: number } | ({ kind: 'ended' } & ExportOutcome);

export function useExport(win: Window) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  // The run the dialog is showing; null once it has ended or been cancelled.
  const controller = useRef<AbortController | null>(null);

  // Closing the dialog (unmounting) stops an export still running.
  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = null;
    },
    [],
  );

  const start = useCallback(
    async (request: ExportRequest) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const shown = () => controller.current === current;
      setState({ kind: 'running', percent: 0 });
      const outcome = await runExport(request, win, {
        signal: current.signal,
        onProgress: (fraction) => {
          if (shown()) setState({ kind: 'running', percent: Math.floor(fraction * 100) });
        },
      });
      if (!shown()) return;
      controller.current = null;
      setState({ kind: 'ended', ...outcome });
    },
    [win],
  );

  const cancel = useCallback(() => {
    const current = controller.current;
    // Nothing running (it has just ended and saved its file): the dialog says so, not "cancelled".
    if (!current) return;
    controller.current = null;
    current.abort();
    setState({ kind: 'ended', ok: false, reason: 'cancelled' });
  }, []);

  return { state, start, cancel };
}
