/** React access to the classroom notes (newest first), the media's sections, and notes' delivery. */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readObservations } from '../../../shared/mentoring/cycle-doc';
import type { Observation } from '../../../shared/mentoring/cycle-schema';
import type { SyncStatus } from '../../sync/sync-status';
import { type MediaSection, mediaSections } from './media-sections';
import { type Deliveries, noteWritten, syncChanged } from './note-delivery';

/** Re-reads `read(doc)` whenever the document changes (locally, from IndexedDB or the server). */
function useLiveRead<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, empty: T): T {
  const [value, setValue] = useState<T>(() => (doc ? read(doc) : empty));
  useEffect(() => {
    if (!doc) {
      setValue(empty);
      return;
    }
    const update = () => setValue(read(doc));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, read, empty]);
  return value;
}

const NO_NOTES: Observation[] = [];
const NO_SECTIONS: MediaSection[] = [];
const newestFirst = (doc: Y.Doc) => readObservations(doc).reverse();

export function useObservations(doc: Y.Doc | null): Observation[] {
  return useLiveRead(doc, newestFirst, NO_NOTES);
}

export function useMediaSections(doc: Y.Doc | null): MediaSection[] {
  return useLiveRead(doc, mediaSections, NO_SECTIONS);
}

export function useNoteDelivery(status: SyncStatus): {
  deliveries: Deliveries;
  written: (noteId: string) => void;
} {
  const [deliveries, setDeliveries] = useState<Deliveries>(() => new Map());
  useEffect(() => setDeliveries((current) => syncChanged(current, status)), [status]);
  const written = useCallback(
    (noteId: string) => setDeliveries((current) => noteWritten(current, noteId, status)),
    [status],
  );
  return { deliveries, written };
}
