/**
 * Saves a version of a draft's content each time its stage moves: the feedback room's hooks report
 * each stored update; when the stage it leaves the document in differs from the one before, the
 * content as it is at that moment is saved (kind 'stage'). Only the process that stored the move
 * sees it; the store keeps one version per move, so a second process noticing it late stores nothing.
 */
import type * as Y from 'yjs';
import { readStageMoves, stageOfMoves } from '../../shared/mentoring/cycle-doc';
import type { Stage } from '../../shared/model/stages';
import { parseRoomName } from '../../shared/protocol/rooms';
import type { Logger } from '../logger';
import { feedbackCounts, saveVersion, type VersionDeps } from './version-service';

export class StageVersions {
  /** Draft id → its stage, while its feedback room is loaded in this process. */
  private readonly stages = new Map<string, Stage>();
  private readonly saves = new Set<Promise<unknown>>();

  constructor(private readonly options: VersionDeps & { logger: Logger }) {}

  /** RoomHooks.afterLoad: the stage the draft is in before any update of this room. */
  loaded(event: { roomName: string; doc: Y.Doc }): void {
    const room = parseRoomName(event.roomName);
    if (room?.kind === 'mentoring') this.stages.set(room.draftId, stageOfMoves(readStageMoves(event.doc)));
  }

  /** RoomHooks.afterStoreUpdate. */
  stored(event: { roomName: string; doc: Y.Doc }): void {
    const room = parseRoomName(event.roomName);
    if (room?.kind !== 'mentoring') return;
    const moves = readStageMoves(event.doc);
    const stage = stageOfMoves(moves);
    const previous = this.stages.get(room.draftId);
    this.stages.set(room.draftId, stage);
    const move = moves.at(-1);
    if (previous === undefined || previous === stage || !move) return;
    const { draftId } = room;
    const save = saveVersion(this.options, {
      draftId,
      kind: 'stage',
      name: null,
      fromStage: previous,
      toStage: stage,
      stageMoveId: move.id,
      createdBy: { id: move.byId, name: move.byName },
      feedback: feedbackCounts(event.doc),
    }).then(
      (saved) => {
        if (saved)
          this.options.logger.info({ draft: draftId, version: saved.id, stage }, 'saved a version at a stage move');
      },
      (error: unknown) => {
        this.options.logger.error({ err: error, draft: draftId, stage }, 'saving the version of a stage move failed');
      },
    );
    this.saves.add(save);
    void save.then(() => this.saves.delete(save));
  }

  /** RoomHooks.afterUnload. */
  unloaded(name: string): void {
    const room = parseRoomName(name);
    if (room?.kind === 'mentoring') this.stages.delete(room.draftId);
  }

  /** Resolves once every save started so far has finished (before closing the storage). */
  async whenIdle(): Promise<void> {
    while (this.saves.size > 0) await Promise.allSettled([...this.saves]);
  }
}
