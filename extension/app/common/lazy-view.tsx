/**
 * Views a person opens now and then (export, import, versions, observation, the overview, account,
 * admin, Kotak klip, shares) load on demand, so a draft opens with the editor's code only. Their
 * files are kept by the service worker at install (web-assets.json), so they open offline too; if
 * one still cannot load, the person is told in words instead of a blank screen.
 */
import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useT } from '../../components/i18n';

/** `lazyView(() => import('./X').then((m) => m.X))`: a named export as a lazily loaded component. */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

function ViewLoading() {
  const t = useT();
  return (
    <p className="view-loading" role="status">
      {t('app.loadingView')}
    </p>
  );
}

function ViewFailed() {
  const t = useT();
  return (
    <p className="problem" role="alert">
      {t('app.viewFailed')}
    </p>
  );
}

class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error('app: a view could not be loaded', error);
  }
  override render() {
    return this.state.failed ? <ViewFailed /> : this.props.children;
  }
}

/** Where a lazily loaded view is shown: "Membuka…" while it loads, words if it cannot. */
export function LazyBoundary({ children }: { children: ReactNode }) {
  return (
    <LoadFailure>
      <Suspense fallback={<ViewLoading />}>{children}</Suspense>
    </LoadFailure>
  );
}
