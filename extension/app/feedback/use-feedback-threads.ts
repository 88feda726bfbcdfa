/** The threads of a feedback document, read again whenever it changes (locally, from IndexedDB or the server). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import { readThreads } from '../../../shared/mentoring/threads';

export function useFeedbackThreads(doc: Y.Doc | null): Thread[] {
  const [threads, setThreads] = useState<Thread[]>([]);
  useEffect(() => {
    if (!doc) {
      setThreads([]);
      return;
    }
    let reported = '';
    const read = () => {
      const { threads: valid, invalid } = readThreads(doc);
      // The server checks every update, so this is a bug or an older client: say so once, show the rest.
      const names = invalid.join(',');
      if (names && names !== reported) console.warn('dampingi: feedback threads not shown (not well-formed)', invalid);
      reported = names;
      setThreads(valid);
    };
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  return threads;
}
