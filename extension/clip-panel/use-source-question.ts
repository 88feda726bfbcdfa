/**
 * The question for a clip held in the outbox because its page is already a source in the draft
 * (found on delivery): add it to that source card, make a new card, or cancel it. The oldest held
 * clip is asked about first; the answer goes to the background, the outbox state follows.
 */
import { useCallback } from 'react';
import { browser } from 'wxt/browser';
import type { SourceDecision } from '../../shared/protocol/extension-messages';
import { askBackground } from '../clip/background-client';
import type { HeldClip } from '../outbox/outbox-state';
import type { ClipActions } from './use-clip-actions';

export interface SourceQuestion {
  question: HeldClip | null;
  answer: (decision: SourceDecision) => void;
  cancel: () => void;
}

export function useSourceQuestion(held: HeldClip[], run: ClipActions['run']): SourceQuestion {
  const question = held[0] ?? null;
  const clipId = question?.clipId ?? null;

  const answer = useCallback(
    (decision: SourceDecision) => {
      if (clipId !== null) void run(() => askBackground(browser.runtime, { type: 'decide-source', clipId, decision }));
    },
    [clipId, run],
  );

  const cancel = useCallback(() => {
    if (clipId === null) return;
    void askBackground(browser.runtime, { type: 'discard-clip', clipId }).then((reply) => {
      if (!reply.ok) console.error('panel: held clip not discarded', reply.reason);
    });
  }, [clipId]);

  return { question, answer, cancel };
}
