/**
 * The reflection's items: strength feedback and "went well" observation notes to keep,
 * improvement feedback and "needs fixing" notes to fix. Questions and suggestions are a
 * conversation in the sidebar, not a finding, so they are left out.
 */
import type { Observation, ObservationTag, Tone } from '../../../shared/mentoring/cycle-schema';
import { type ItemRef, observationRef, threadRef } from '../../../shared/mentoring/cycle-schema';
import type { Thread } from '../../../shared/mentoring/thread-schema';

interface ItemBase {
  ref: ItemRef;
  column: Tone;
  authorName: string;
  at: string;
  body: string;
  /** The quoted part of the media, when the item is tied to one. */
  quote: string | null;
}

export type ReflectionItem =
  | (ItemBase & { source: 'thread'; kind: 'strength' | 'improvement'; resolved: boolean })
  | (ItemBase & { source: 'observation'; tag: ObservationTag; photo: string | null });

export interface ReflectionColumns {
  keep: ReflectionItem[];
  fix: ReflectionItem[];
}

function fromThread(thread: Thread): ReflectionItem | null {
  if (thread.kind !== 'strength' && thread.kind !== 'improvement') return null;
  const first = thread.comments.find((comment) => !comment.deleted);
  return {
    source: 'thread',
    ref: threadRef(thread.id),
    column: thread.kind === 'strength' ? 'keep' : 'fix',
    kind: thread.kind,
    resolved: thread.status === 'resolved',
    authorName: thread.authorName,
    at: thread.createdAt,
    body: first?.body ?? '',
    quote: thread.anchor.quote,
  };
}

function fromObservation(note: Observation): ReflectionItem {
  return {
    source: 'observation',
    ref: observationRef(note.id),
    column: note.tone,
    tag: note.tag,
    photo: note.photo,
    authorName: note.authorName,
    at: note.createdAt,
    body: note.body,
    quote: note.anchor?.quote ?? null,
  };
}

/** Oldest first within each column, feedback and notes mixed by time. */
export function reflectionColumns(threads: readonly Thread[], observations: readonly Observation[]): ReflectionColumns {
  const items = [
    ...threads.map(fromThread).filter((item): item is ReflectionItem => item !== null),
    ...observations.map(fromObservation),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.ref.localeCompare(b.ref));
  return {
    keep: items.filter((item) => item.column === 'keep'),
    fix: items.filter((item) => item.column === 'fix'),
  };
}

/** A short excerpt of an item's text, for lists of links. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
