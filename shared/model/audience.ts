/**
 * Who a part of a draft is for. Design (issue 19, "Versi peserta didik"):
 * - A template marks its teacher-only parts in its JSON with `audience: 'teacher'` on a heading
 *   (the needs analysis) or a paragraph (an italic prompt); the mark is an optional attribute with
 *   a null default, not a new node type, so stored drafts stay valid and older clients keep working
 *   (they ignore the attribute; one that rewrites such a block may drop it — it then prints again).
 * - A teacher-only heading hides its section: the heading and the blocks under it until the next
 *   heading of the same or a higher level. A teacher-only paragraph hides only itself.
 * - Drafts made before the mark existed (no block carries it): a top-level heading that reads as a
 *   built-in template's needs analysis ("Analisis kebutuhan" / "Needs analysis") is taken as
 *   teacher-only. Their italic prompts are not recognised: italics may be the teacher's own text.
 * The exporter's student version drops these blocks; the editor labels them and print can hide them.
 */
import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';

export const AUDIENCE_ATTRIBUTE = 'audience';
export const TEACHER_AUDIENCE = 'teacher';
export type DraftVersion = 'teacher' | 'student';

/** The needs-analysis headings the built-in templates open with (tests keep them in step). */
export const NEEDS_ANALYSIS_HEADINGS = ['Analisis kebutuhan', 'Needs analysis'] as const;

const MARKABLE_NODES = ['heading', 'paragraph'];

/** `audience` on headings and paragraphs: null (everyone, the default) or 'teacher'. */
export const AudienceAttribute = Extension.create({
  name: 'audience',
  addGlobalAttributes() {
    return [
      {
        types: MARKABLE_NODES,
        attributes: {
          [AUDIENCE_ATTRIBUTE]: {
            default: null,
            // Enter at the end of a prompt starts the teacher's own text, which is for everyone.
            keepOnSplit: false,
            parseHTML: (element) =>
              element.getAttribute('data-audience') === TEACHER_AUDIENCE ? TEACHER_AUDIENCE : null,
            renderHTML: (attributes) =>
              attributes[AUDIENCE_ATTRIBUTE] === TEACHER_AUDIENCE ? { 'data-audience': TEACHER_AUDIENCE } : {},
          },
        },
      },
    ];
  },
});

export function isMarkedTeacherOnly(node: PMNode): boolean {
  return node.attrs[AUDIENCE_ATTRIBUTE] === TEACHER_AUDIENCE;
}

function hasAudienceMarks(doc: PMNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (isMarkedTeacherOnly(node)) found = true;
    return !found;
  });
  return found;
}

const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
const needsAnalysis = new Set(NEEDS_ANALYSIS_HEADINGS.map(normalised));

export interface TeacherOnlyBlock {
  /** Position of the block in `doc` (before its opening token). */
  pos: number;
  node: PMNode;
  /** Carries the mark itself (or, in an older draft, is the recognised heading); else it is in such a section. */
  marked: boolean;
}

/** The blocks of `doc` that are for the teacher only, in document order. */
export function teacherOnlyBlocks(doc: PMNode): TeacherOnlyBlock[] {
  const fallback = !hasAudienceMarks(doc);
  const isTeacherHeading = (node: PMNode) =>
    isMarkedTeacherOnly(node) || (fallback && needsAnalysis.has(normalised(node.textContent)));
  const blocks: TeacherOnlyBlock[] = [];
  let sectionLevel: number | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === 'heading') {
      const level = Number(node.attrs.level);
      if (sectionLevel !== null && level <= sectionLevel) sectionLevel = null;
      if (sectionLevel === null && isTeacherHeading(node)) {
        sectionLevel = level;
        blocks.push({ pos: offset, node, marked: true });
        return;
      }
    }
    if (sectionLevel !== null) {
      blocks.push({ pos: offset, node, marked: false });
      return;
    }
    if (isMarkedTeacherOnly(node)) {
      blocks.push({ pos: offset, node, marked: true });
      return;
    }
    node.descendants((child, childPos) => {
      if (!isMarkedTeacherOnly(child)) return true;
      blocks.push({ pos: offset + 1 + childPos, node: child, marked: true });
      return false;
    });
  });
  return blocks;
}

/** `doc` without its teacher-only blocks: what the students get. */
export function studentVersion(doc: PMNode): PMNode {
  const hidden = new Set(teacherOnlyBlocks(doc).map((block) => block.pos));
  if (hidden.size === 0) return doc;
  const strip = (node: PMNode, pos: number): PMNode => {
    const kept: PMNode[] = [];
    const emptied: PMNode[] = [];
    node.forEach((child, offset) => {
      const childPos = pos + 1 + offset;
      const removed = hidden.has(childPos);
      const stripped = removed || child.isLeaf ? child : strip(child, childPos);
      if (!removed) kept.push(stripped);
      // Where a container needs its block (a list item's first paragraph), the block stays, emptied.
      emptied.push(removed ? child.type.create({ ...child.attrs, [AUDIENCE_ATTRIBUTE]: null }) : stripped);
    });
    const content = Fragment.from(kept);
    return node.copy(node.type.validContent(content) ? content : Fragment.from(emptied));
  };
  // The doc's children sit at 0, 1 + size…: as if the doc opened at -1.
  const student = strip(doc, -1);
  return student.childCount > 0 ? student : doc.copy(Fragment.from(doc.type.schema.nodes.paragraph!.create()));
}

/** The draft as the chosen version reads. */
export function draftForVersion(doc: PMNode, version: DraftVersion): PMNode {
  return version === 'student' ? studentVersion(doc) : doc;
}

/**
 * A document's JSON without `audience: null` (the default), as it was before the attribute: saved
 * templates keep their size, and read back the same.
 */
export function withoutDefaultAudience<T>(json: T): T {
  if (Array.isArray(json)) return json.map(withoutDefaultAudience) as T;
  if (json === null || typeof json !== 'object') return json;
  // Built with Object.fromEntries: every key becomes an own property, `__proto__` too.
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === 'attrs' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const attrs = Object.entries(value).filter(([name, attr]) => !(name === AUDIENCE_ATTRIBUTE && attr === null));
      if (attrs.length > 0) entries.push([key, Object.fromEntries(attrs)]);
      continue;
    }
    entries.push([key, withoutDefaultAudience(value)]);
  }
  return Object.fromEntries(entries) as T;
}
