/** Drafts by mentoring-cycle stage, always all five stages in cycle order (the home groups, the overview chart). */
import { type Stage, stages } from '../../../shared/model/stages';

export interface StageGroup<T> {
  stage: Stage;
  items: T[];
}

export function groupByStage<T>(items: readonly T[], stageOf: (item: T) => Stage): StageGroup<T>[] {
  const groups = stages.map((stage) => ({ stage, items: [] as T[] }));
  const byStage = new Map(groups.map((group) => [group.stage, group]));
  for (const item of items) byStage.get(stageOf(item))?.items.push(item);
  return groups;
}

export function countByStage<T>(items: readonly T[], stageOf: (item: T) => Stage): Record<Stage, number> {
  const counts = Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const item of items) counts[stageOf(item)] += 1;
  return counts;
}
