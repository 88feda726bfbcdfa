/** The policy of each kind of room (shared/protocol/rooms.ts), with the server's configured limits. */
import type { MentoringLimits } from '../../../shared/mentoring/mentoring-checker';
import type { RoomKind } from '../../../shared/protocol/rooms';
import { contentPolicy } from './content-policy';
import { mentoringPolicy } from './mentoring-policy';
import type { RoomPolicy } from './room-policy';

export function policyForRoom(kind: RoomKind, limits: MentoringLimits): RoomPolicy {
  return kind === 'mentoring' ? mentoringPolicy(limits) : contentPolicy();
}
