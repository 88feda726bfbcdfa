/** The stage table: who may move a draft forward or back, read by the server and the UI alike. */
import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/auth/roles';
import { directionOf, mayMoveStage, movableStages, stageMoveRights } from '../../shared/mentoring/stage-moves';
import { stages } from '../../shared/model/stages';

describe('the mentoring-cycle stage table', () => {
  it('has the five stages in cycle order', () => {
    expect(stages).toEqual(['needs-analysis', 'design', 'try-out', 'reflection', 'follow-up']);
  });

  it('names a right for every role, and only the owner may move a draft back', () => {
    expect(Object.keys(stageMoveRights).sort()).toEqual([...roles].sort());
    expect(stageMoveRights).toEqual({
      owner: ['forward', 'back'],
      editor: ['forward'],
      commenter: [],
      viewer: [],
    });
  });

  it('tells forward from back, and a move to the same stage is none', () => {
    expect(directionOf('design', 'try-out')).toBe('forward');
    expect(directionOf('needs-analysis', 'follow-up')).toBe('forward');
    expect(directionOf('reflection', 'design')).toBe('back');
    expect(directionOf('try-out', 'try-out')).toBeNull();
  });

  it('allows each role exactly its directions', () => {
    expect(mayMoveStage('owner', 'design', 'try-out')).toEqual({ ok: true });
    expect(mayMoveStage('owner', 'try-out', 'design')).toEqual({ ok: true });
    expect(mayMoveStage('editor', 'design', 'try-out')).toEqual({ ok: true });
    expect(mayMoveStage('editor', 'try-out', 'design')).toEqual({ ok: false, why: 'not-allowed' });
    for (const role of ['commenter', 'viewer'] as const) {
      expect(mayMoveStage(role, 'design', 'try-out')).toEqual({ ok: false, why: 'not-allowed' });
      expect(mayMoveStage(role, 'try-out', 'design')).toEqual({ ok: false, why: 'not-allowed' });
    }
    expect(mayMoveStage('owner', 'design', 'design')).toEqual({ ok: false, why: 'same-stage' });
    expect(mayMoveStage(null, 'design', 'try-out')).toEqual({ ok: false, why: 'not-allowed' });
  });

  it('offers the UI the stages a role can reach from where the draft is', () => {
    expect(movableStages('owner', 'try-out')).toEqual(['needs-analysis', 'design', 'reflection', 'follow-up']);
    expect(movableStages('editor', 'try-out')).toEqual(['reflection', 'follow-up']);
    expect(movableStages('commenter', 'try-out')).toEqual([]);
    expect(movableStages('viewer', 'needs-analysis')).toEqual([]);
  });
});
