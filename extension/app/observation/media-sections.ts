/**
 * The parts of the media a classroom note can be tied to: the draft's headings, read straight from
 * the content's Y.XmlFragment (the observation view has no editor). Each comes with an Anchor
 * shaped like a feedback thread's (extension/app/feedback/anchor-positions.ts): relative
 * positions on the heading's first and last characters, its text as the quote, and up to 32
 * characters of context in the same block-per-line text the editor uses (document-text.ts).
 */
import * as Y from 'yjs';
import { quoteContext } from '../../../shared/mentoring/anchor-text';
import { encodeRelativePosition } from '../../../shared/mentoring/relative-position';
import { type Anchor, MAX_QUOTE } from '../../../shared/mentoring/thread-schema';
import { draftFragment } from '../../../shared/model/draft-doc';
import { draftSchema } from '../../../shared/model/draft-extensions';

export interface MediaSection {
  /** Stable while the heading lives (its Yjs item's id): the value of the section select. */
  key: string;
  level: number;
  title: string;
  anchor: Anchor;
}

/** A character of the text and where it sits in Yjs (null: a line break node, not text). */
type Place = { text: Y.XmlText; index: number } | null;

interface HeadingSpan {
  key: string;
  level: number;
  from: number;
  places: Place[];
}

export function mediaSections(doc: Y.Doc): MediaSection[] {
  const schema = draftSchema();
  let text = '';
  let blocks = 0;
  const headings: HeadingSpan[] = [];

  const inline = (block: Y.XmlElement, places: Place[]) => {
    for (const child of block.toArray()) {
      if (child instanceof Y.XmlText) {
        let index = 0;
        for (const op of child.toDelta() as { insert: unknown }[]) {
          if (typeof op.insert !== 'string') {
            index += 1;
            continue;
          }
          for (const char of op.insert) {
            // A character outside the BMP is two UTF-16 units in both the text and Yjs.
            for (let unit = 0; unit < char.length; unit++) places.push({ text: child, index: index + unit });
            text += char;
            index += char.length;
          }
        }
      } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
        places.push(null);
        text += '\n';
      }
    }
  };

  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (!schema.nodes[child.nodeName]?.isTextblock) {
        walk(child);
        continue;
      }
      if (blocks++ > 0) text += '\n';
      const id = child._item?.id;
      const key = id ? `${id.client}:${id.clock}` : `${text.length}`;
      const span: HeadingSpan = { key, level: headingLevel(child), from: text.length, places: [] };
      inline(child, span.places);
      if (child.nodeName === 'heading') headings.push(span);
    }
  };
  walk(draftFragment(doc));

  const sections: MediaSection[] = [];
  for (const heading of headings) {
    const section = sectionOf(text, heading);
    if (section) sections.push(section);
  }
  return sections;
}

function headingLevel(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'));
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

function sectionOf(text: string, heading: HeadingSpan): MediaSection | null {
  const { places, from } = heading;
  const isSpace = (at: number) => /\s/.test(text[from + at] as string);
  let first = 0;
  let end = places.length;
  while (first < end && isSpace(first)) first++;
  while (end > first && isSpace(end - 1)) end--;
  if (end - first > MAX_QUOTE) {
    end = first + MAX_QUOTE;
    while (end > first && isSpace(end - 1)) end--;
  }
  const start = places[first];
  const last = places[end - 1];
  if (!start || !last || end <= first) return null;
  // As the editor makes them: the start sticks to the first character, the end to the last.
  const anchor: Anchor = {
    start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0)),
    end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(last.text, last.index + 1, -1)),
    ...quoteContext(text, from + first, from + end),
  };
  return { key: heading.key, level: heading.level, title: anchor.quote, anchor };
}
