/**
 * How many shares and clips wait on this phone (share store and outbox), for the home page's link
 * to the share page, where they are sent. Zero where IndexedDB is missing (tests without it).
 */
import { useEffect, useState } from 'react';
import { openOutbox } from '../../outbox/outbox';
import { openShareStore } from './share-store';

export function useWaitingShares(win: Window): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const factory = win.indexedDB;
    if (!factory) return;
    let current = true;
    void (async () => {
      const [store, outbox] = await Promise.all([openShareStore(factory), openOutbox(factory)]);
      try {
        const [shares, clips] = await Promise.all([store.list(), outbox.count()]);
        if (current) setCount(shares.length + clips);
      } finally {
        store.close();
        outbox.close();
      }
    })().catch((error) => console.warn('dampingi: could not count the shares kept on this device', error));
    return () => {
      current = false;
    };
  }, [win]);
  return count;
}
