/**
 * What the versions view does: load a version's document (or the live one, "now"), save a version,
 * and restore one — recorded on the server first (the content now is kept), then applied to the
 * live content document as one new change that syncs to everyone like typing.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useCallback, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { base64ToBytes } from '../../../shared/encoding/base64';
import { currentDocument, restoreVersion, versionDocument } from '../../../shared/versions/version-content';
import type { VersionInfo } from '../../../shared/versions/version-schema';
import type { ApiClient } from '../../api/api-client';
import { useT } from '../../components/i18n';
import { versionFailure, versionName } from './version-names';

/** A version's id, or the live content. */
export const NOW = 'now';

export type Outcome = { ok: true; value: ProseMirrorNode } | { ok: false; message: string };

export interface VersionMessage {
  kind: 'status' | 'error';
  text: string;
}

export function useVersionActions(options: {
  api: ApiClient;
  draftId: string;
  doc: Y.Doc | null;
  versions: readonly VersionInfo[];
  reload(): void;
}) {
  const { api, draftId, doc, versions, reload } = options;
  const t = useT();
  const cache = useRef(new Map<string, ProseMirrorNode>());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<VersionMessage | null>(null);

  const loadDocument = useCallback(
    async (id: string): Promise<Outcome> => {
      if (id === NOW) {
        return doc ? { ok: true, value: currentDocument(doc) } : { ok: false, message: t('versions.error.notLoaded') };
      }
      const cached = cache.current.get(id);
      if (cached) return { ok: true, value: cached };
      const result = await api.version(draftId, id);
      if (!result.ok) return { ok: false, message: versionFailure(result, t) };
      const node = versionDocument(base64ToBytes(result.value.state));
      cache.current.set(id, node);
      return { ok: true, value: node };
    },
    [api, draftId, doc, t],
  );

  const save = useCallback(
    async (name: string): Promise<boolean> => {
      setBusy(true);
      setMessage({ kind: 'status', text: t('versions.save.saving') });
      const result = await api.saveVersion(draftId, name);
      setBusy(false);
      if (!result.ok) {
        setMessage({ kind: 'error', text: versionFailure(result, t) });
        return false;
      }
      setMessage({ kind: 'status', text: t('versions.save.saved', { name: result.value.name ?? name }) });
      reload();
      return true;
    },
    [api, draftId, reload, t],
  );

  const restore = useCallback(
    async (version: VersionInfo): Promise<void> => {
      const name = versionName(version, versions, t);
      if (!doc) {
        setMessage({ kind: 'error', text: t('versions.error.notLoaded') });
        return;
      }
      setBusy(true);
      setMessage({ kind: 'status', text: t('versions.restore.working') });
      // Its content first (nothing is recorded if it cannot even be read), then the record, then the change.
      const target = await loadDocument(version.id);
      if (!target.ok) {
        setBusy(false);
        setMessage({ kind: 'error', text: target.message });
        return;
      }
      const kept = await api.recordRestore(draftId, version.id);
      if (!kept.ok) {
        setBusy(false);
        setMessage({ kind: 'error', text: versionFailure(kept, t) });
        return;
      }
      restoreVersion(doc, target.value);
      setBusy(false);
      const keptName = versionName(kept.value, [...versions, kept.value], t);
      setMessage({ kind: 'status', text: t('versions.restore.done', { name, kept: keptName }) });
      reload();
    },
    [api, draftId, doc, versions, loadDocument, reload, t],
  );

  return { busy, message, setMessage, loadDocument, save, restore };
}
