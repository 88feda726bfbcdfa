/**
 * The draft's versions: save one ("Simpan versi", owner and editors), the list (automatic ones at
 * each stage move too), open any read-only, compare any two or one with now (changes marked in the
 * editor's own rendering), and restore one as a new change on top (owner and editors, confirmed first).
 */
import type { JSONContent } from '@tiptap/core';
import { useState } from 'react';
import type * as Y from 'yjs';
import { type DocumentDiff, diffDocuments } from '../../../shared/versions/version-diff';
import type { VersionInfo } from '../../../shared/versions/version-schema';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { CompareForm } from './CompareForm';
import { RestoreDialog } from './RestoreDialog';
import { SaveVersionForm } from './SaveVersionForm';
import { useVersionActions } from './use-version-actions';
import { useVersionList } from './use-version-list';
import { VersionList } from './VersionList';
import { VersionPreview } from './VersionPreview';
import { versionFailure, versionName } from './version-names';

interface Shown {
  title: string;
  content: JSONContent;
  diff: DocumentDiff | null;
}

export function VersionsView(props: {
  api: ApiClient;
  draftId: string;
  /** The live content document (null while it opens). */
  doc: Y.Doc | null;
  /** Owner or editor, and the server has not refused this page's content changes. */
  canEdit: boolean;
  /** Local changes the server has not received yet. */
  pending: number;
}) {
  const t = useT();
  const list = useVersionList(props.api, props.draftId);
  const actions = useVersionActions({
    api: props.api,
    draftId: props.draftId,
    doc: props.doc,
    versions: list.versions,
    reload: list.reload,
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);
  const [restoring, setRestoring] = useState<VersionInfo | null>(null);
  const nameOf = (id: string) => {
    if (id === 'now') return t('versions.now');
    const version = list.versions.find((entry) => entry.id === id);
    return version ? versionName(version, list.versions, t) : id;
  };

  const open = async (version: VersionInfo) => {
    setLoadingPreview(true);
    const loaded = await actions.loadDocument(version.id);
    setLoadingPreview(false);
    if (!loaded.ok) return actions.setMessage({ kind: 'error', text: loaded.message });
    setShown({
      title: t('versions.preview.open', { name: nameOf(version.id) }),
      content: loaded.value.toJSON(),
      diff: null,
    });
  };

  const compare = async (fromId: string, toId: string) => {
    setLoadingPreview(true);
    const [older, newer] = await Promise.all([actions.loadDocument(fromId), actions.loadDocument(toId)]);
    setLoadingPreview(false);
    if (!older.ok) return actions.setMessage({ kind: 'error', text: older.message });
    if (!newer.ok) return actions.setMessage({ kind: 'error', text: newer.message });
    const diff = diffDocuments(older.value, newer.value, {
      leafText: (node) => t('versions.diff.leaf', { name: node.type.name }),
    });
    setShown({
      title: t('versions.preview.compare', { from: nameOf(fromId), to: nameOf(toId) }),
      content: newer.value.toJSON(),
      diff,
    });
  };

  return (
    <section className="versions-view" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      <p className="muted">{t('versions.intro')}</p>
      {props.canEdit ? (
        <SaveVersionForm busy={actions.busy} pending={props.pending} onSave={actions.save} />
      ) : (
        <p className="version-read-only">{t('versions.readOnly')}</p>
      )}
      {actions.message && (
        <p
          role={actions.message.kind === 'error' ? 'alert' : 'status'}
          className={`version-message ${actions.message.kind}`}
        >
          {actions.message.text}
        </p>
      )}
      <div className="versions-layout">
        <div className="versions-side">
          <h3>{t('versions.list.heading')}</h3>
          {list.loading && list.versions.length === 0 && <p className="muted">{t('versions.list.loading')}</p>}
          {list.failure && (
            <p role="alert" className="problem">
              {versionFailure(list.failure, t)}{' '}
              <button type="button" onClick={list.reload}>
                {t('versions.list.reload')}
              </button>
            </p>
          )}
          {!list.loading && !list.failure && list.versions.length === 0 && (
            <p className="muted">{t('versions.list.empty')}</p>
          )}
          <VersionList
            versions={list.versions}
            canRestore={props.canEdit}
            busy={actions.busy}
            onOpen={(version) => void open(version)}
            onCompareNow={(version) => void compare(version.id, 'now')}
            onRestore={setRestoring}
          />
          {list.versions.length > 0 && (
            <CompareForm versions={list.versions} nameOf={nameOf} onCompare={(from, to) => void compare(from, to)} />
          )}
        </div>
        <div className="versions-preview">
          {loadingPreview && (
            <p role="status" className="muted">
              {t('versions.preview.loading')}
            </p>
          )}
          {shown && !loadingPreview && (
            <section className="version-shown" aria-labelledby="version-shown-heading">
              <div className="version-shown-header">
                <h3 id="version-shown-heading">{shown.title}</h3>
                <button type="button" onClick={() => setShown(null)}>
                  {t('versions.preview.close')}
                </button>
              </div>
              {shown.diff && <DiffSummary diff={shown.diff} />}
              <VersionPreview content={shown.content} diff={shown.diff} />
            </section>
          )}
        </div>
      </div>
      {restoring && (
        <RestoreDialog
          name={nameOf(restoring.id)}
          onClose={() => setRestoring(null)}
          onConfirm={() => {
            const version = restoring;
            setRestoring(null);
            setShown(null);
            void actions.restore(version);
          }}
        />
      )}
    </section>
  );
}

function DiffSummary(props: { diff: DocumentDiff }) {
  const t = useT();
  const { added, removed } = props.diff;
  if (added.length === 0 && removed.length === 0) {
    return <p className="version-diff-summary">{t('versions.preview.noChanges')}</p>;
  }
  return (
    <p className="version-diff-summary">
      {t('versions.preview.counts', { added: added.length, removed: removed.length })}.{' '}
      <span className="muted">{t('versions.preview.legend')}</span>
    </p>
  );
}
