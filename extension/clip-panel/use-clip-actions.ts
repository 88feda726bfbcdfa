/**
 * What the clip buttons do: ask the background to clip from the tab into the chosen draft, one
 * request at a time, and say in the status line what became of it.
 */
import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';
import { isInboxDestination } from '../../shared/model/inbox-destination';
import type { ClipRequest, ClipSelectionReply } from '../../shared/protocol/extension-messages';
import { askBackground } from '../clip/background-client';
import { clipOutcomeText } from '../clip/clip-outcome';
import { clipRequestFor, type WaitingClip } from '../clip/waiting-clip';

/** The panel's own clip buttons. */
export type PanelClip = 'clip-selection' | 'clip-article' | 'clip-bookmark' | 'clip-video';

export interface ClipActions {
  working: boolean;
  status: string;
  /** Runs one request whose answer is a clip outcome, showing progress and outcome. */
  run: (ask: () => Promise<ClipSelectionReply>) => Promise<void>;
  clip: (what: PanelClip) => Promise<void>;
  clipWaiting: (waiting: WaitingClip) => Promise<void>;
}

export function useClipActions(options: {
  t: Translate;
  draftId: string | null;
  /** The section the clip goes under; the end of the draft when absent. */
  underHeading?: { text: string; index: number };
  tabToClip: () => Promise<number | null>;
}): ClipActions {
  const { t, draftId, underHeading, tabToClip } = options;
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState('');

  const run = useCallback(
    async (ask: () => Promise<ClipSelectionReply>) => {
      setWorking(true);
      setStatus(t('clip.status.working'));
      try {
        const reply = await ask();
        // Held because its page is already a source in the draft: the source question asks instead.
        setStatus(
          !reply.ok && reply.reason === 'source-exists' ? '' : clipOutcomeText(reply, t, isInboxDestination(draftId)),
        );
      } finally {
        setWorking(false);
      }
    },
    [t, draftId],
  );

  const send = useCallback(
    (request: ClipRequest) =>
      run(() => askBackground(browser.runtime, underHeading ? { ...request, underHeading } : request)),
    [run, underHeading],
  );

  const clip = useCallback(
    async (what: PanelClip) => {
      const tabId = await tabToClip();
      if (tabId === null || draftId === null) return;
      await send(
        what === 'clip-video' ? { type: 'clip-media', media: 'video', tabId, draftId } : { type: what, tabId, draftId },
      );
    },
    [draftId, send, tabToClip],
  );

  const clipWaiting = useCallback(
    async (waiting: WaitingClip) => {
      if (draftId !== null) await send(clipRequestFor(waiting, draftId));
    },
    [draftId, send],
  );

  return { working, status, run, clip, clipWaiting };
}
