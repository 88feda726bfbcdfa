/**
 * The chosen draft's sections (its top-level headings), read by the background from the copy of
 * the draft it syncs, and the section the next clip goes under (null: the end of the draft).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DraftSection } from '../../shared/model/draft-doc';
import { isInboxDestination } from '../../shared/model/inbox-destination';
import { askBackground } from '../clip/background-client';

export interface DraftSectionsState {
  sections: DraftSection[];
  /** The chosen section's index, or null for the end of the draft. */
  chosen: number | null;
  choose: (index: number | null) => void;
  /** What a clip request carries: the chosen heading by place and text. */
  underHeading: { text: string; index: number } | undefined;
}

export function useDraftSections(draftId: string | null, signedIn: boolean): DraftSectionsState {
  const [sections, setSections] = useState<DraftSection[]>([]);
  const [chosen, choose] = useState<number | null>(null);

  useEffect(() => {
    setSections([]);
    choose(null);
    // Kotak klip has no sections: a clip there is placed later.
    if (!draftId || !signedIn || isInboxDestination(draftId)) return;
    let current = true;
    void askBackground(browser.runtime, { type: 'draft-sections', draftId }).then((reply) => {
      if (!current) return;
      if (reply.ok) setSections(reply.sections);
      else console.warn('panel: the draft’s sections could not be read', reply.reason);
    });
    return () => {
      current = false;
    };
  }, [draftId, signedIn]);

  const section = sections.find((candidate) => candidate.index === chosen);
  return {
    sections,
    chosen,
    choose,
    underHeading: section ? { text: section.text, index: section.index } : undefined,
  };
}
