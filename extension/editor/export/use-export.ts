/** The state of an export in the dialog: idle, running with its percentage, and how it ended; cancel on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ExportOutcome, type ExportRequest, runExport } from './run-export';

export type ExportState = { kind: 'idle' } | { kind: 'running'; percent: number } | ({ kind: 'ended' } & ExportOutcome);

export function useExport(win: Window) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Closing the dialog (unmounting) stops an export still running.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (request: ExportRequest) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ kind: 'running', percent: 0 });
      const outcome = await runExport(request, win, {
        signal: current.signal,
        onProgress: (fraction) => {
          if (!current.signal.aborted) setState({ kind: 'running', percent: Math.floor(fraction * 100) });
        },
      });
      if (controller.current === current) controller.current = null;
      setState({ kind: 'ended', ...outcome });
    },
    [win],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
