/**
 * The mentoring cycle of a draft's feedback document, read again whenever it changes (locally, from
 * IndexedDB or from the other person through the server), so a moved stage shows without a reload.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  type Reflections,
  readActions,
  readObservations,
  readReflections,
  readStageMoves,
  stageOfMoves,
} from '../../../shared/mentoring/cycle-doc';
import type { FollowUpAction, Observation, StageMove } from '../../../shared/mentoring/cycle-schema';
import { FIRST_STAGE, type Stage } from '../../../shared/model/stages';

export interface CycleState {
  moves: StageMove[];
  stage: Stage;
  observations: Observation[];
  reflections: Reflections;
  actions: FollowUpAction[];
}

export const EMPTY_CYCLE: CycleState = {
  moves: [],
  stage: FIRST_STAGE,
  observations: [],
  reflections: { items: new Map(), overall: null },
  actions: [],
};

export function readCycle(doc: Y.Doc): CycleState {
  const moves = readStageMoves(doc);
  return {
    moves,
    stage: stageOfMoves(moves),
    observations: readObservations(doc),
    reflections: readReflections(doc),
    actions: readActions(doc),
  };
}

export function useCycle(doc: Y.Doc | null): CycleState {
  const [cycle, setCycle] = useState<CycleState>(() => (doc ? readCycle(doc) : EMPTY_CYCLE));
  useEffect(() => {
    if (!doc) {
      setCycle(EMPTY_CYCLE);
      return;
    }
    const read = () => setCycle(readCycle(doc));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  return cycle;
}
