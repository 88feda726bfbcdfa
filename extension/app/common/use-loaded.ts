/**
 * Data a page asks the server for, and the actions it takes on it: what is loading, what came,
 * what was refused, and what the last action did — each a state the page shows in plain words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailureReason, ApiResult } from '../../api/api-transport';

export interface Loaded<T> {
  /** Null while the first answer has not come (or it failed). */
  value: T | null;
  /** Why the last load failed; null once one worked. */
  problem: ApiFailureReason | null;
  reload(): Promise<void>;
}

export function useLoaded<T>(load: () => Promise<ApiResult<T>>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);
  const mounted = useRef(true);
  const reload = useCallback(async () => {
    const result = await load();
    if (!mounted.current) return;
    if (result.ok) {
      setValue(result.value);
      setProblem(null);
    } else {
      console.warn('dampingi: loading failed', result);
      setProblem(result.reason);
    }
  }, [load]);
  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);
  return { value, problem, reload };
}

/** What the last action did: a sentence to show, or why it was refused. */
export type ActionOutcome = { ok: true; message: string } | { ok: false; reason: ApiFailureReason; message: string };

export interface Actions {
  busy: boolean;
  outcome: ActionOutcome | null;
  /**
   * Runs `action`; on success shows `done(value)`, on failure `refused(reason)` (a sentence for
   * this action, or null for the general one). Answers the value, or null when it failed.
   */
  run<T>(
    action: () => Promise<ApiResult<T>>,
    done: (value: T) => string,
    refused?: (reason: ApiFailureReason) => string | null,
  ): Promise<T | null>;
}

export function useActions(generalRefusal: (reason: ApiFailureReason) => string): Actions {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run: Actions['run'] = async (action, done, refused) => {
    setBusy(true);
    setOutcome(null);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, message: done(result.value) });
      return result.value;
    }
    console.warn('dampingi: action failed', result);
    setOutcome({
      ok: false,
      reason: result.reason,
      message: refused?.(result.reason) ?? generalRefusal(result.reason),
    });
    return null;
  };
  return { busy, outcome, run };
}
