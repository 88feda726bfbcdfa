/** What each user's presence (Yjs awareness) shows of them, set by the server, and a stable colour per user. */
import { z } from 'zod';

export const PresenceUserSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(100),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Joined by a share link with only a name; absent from servers before this field. */
  guest: z.boolean().optional(),
});
export type PresenceUser = z.infer<typeof PresenceUserSchema>;

// Readable on white, distinct enough for a handful of collaborators.
const palette = ['#1e88e5', '#d81b60', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#3949ab'];

export function colorForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] as string;
}
