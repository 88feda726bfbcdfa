/** Shown in place of a list until it is there: loading, or why it could not be loaded with a retry. */
import type { ReactNode } from 'react';
import { useT } from '../../components/i18n';
import type { Loaded } from './use-loaded';

export function LoadState<T>(props: {
  loaded: Loaded<T>;
  loadingText: string;
  failedText: string;
  retryText: string;
  children: (value: T) => ReactNode;
}) {
  const t = useT();
  const { value, problem, reload } = props.loaded;
  if (problem) {
    return (
      <div>
        <p role="alert" className="problem">
          {props.failedText} {t(`error.${problem}`)}
        </p>
        <button type="button" onClick={() => void reload()}>
          {props.retryText}
        </button>
      </div>
    );
  }
  if (value === null) return <p className="muted">{props.loadingText}</p>;
  return <>{props.children(value)}</>;
}
