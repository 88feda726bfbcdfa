/**
 * What every export contains, gathered once from the draft's documents: the title, the content
 * (a ProseMirror doc of the draft schema), and the sections under it — the APA reference list
 * always, the feedback summary and the follow-up plan when asked for — built as draft-schema
 * nodes too, so each format converts one kind of tree. Labels are in the language given.
 * The student version ("Versi peserta didik") leaves out the teacher-only parts (../model/audience.ts).
 */
import type { Mark, Node as PMNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { createTranslator, type Language, type Translate } from '../i18n';
import { isOverdue, localDay, readActions } from '../mentoring/cycle-doc';
import type { FollowUpAction } from '../mentoring/cycle-schema';
import type { Thread } from '../mentoring/thread-schema';
import { readThreads } from '../mentoring/threads';
import { type DraftVersion, draftForVersion } from '../model/audience';
import { safeHttpUrl } from '../model/clip-node';
import { type ClipInDraft, clipsInDraft, draftFragment } from '../model/draft-doc';
import { draftSchema } from '../model/draft-extensions';
import { apaReferences } from '../references/apa-reference';

export type ExportSectionKind = 'references' | 'feedback' | 'plan';

export interface ExportSection {
  kind: ExportSectionKind;
  heading: string;
  /** Block nodes of the draft schema. */
  blocks: PMNode[];
}

export interface ExportDocument {
  title: string;
  language: Language;
  /** The draft itself: a `doc` node of the draft schema. */
  content: PMNode;
  sections: ExportSection[];
}

export interface ExportParts {
  title: string;
  language: Language;
  content: PMNode;
  clips: readonly ClipInDraft[];
  /** Given (even empty) when the feedback summary is wanted. */
  threads?: readonly Thread[] | null;
  /** Given (even empty) when the follow-up plan is wanted. */
  actions?: readonly FollowUpAction[] | null;
  /** YYYY-MM-DD that an open action's due day is measured against (default: today, local time). */
  today?: string;
  /** 'student' leaves out the teacher-only parts; default 'teacher' (everything). */
  version?: DraftVersion;
}

export interface ExportChoice {
  title: string;
  language: Language;
  includeFeedback: boolean;
  includePlan: boolean;
  /** Default 'teacher'. */
  version?: DraftVersion;
}

/** Reads everything an export needs from the live documents (the feedback one may be missing). */
export function exportFromDocs(draft: Y.Doc, feedback: Y.Doc | null, choice: ExportChoice): ExportDocument {
  return composeExport({
    title: choice.title,
    language: choice.language,
    content: yXmlFragmentToProseMirrorRootNode(draftFragment(draft), draftSchema()),
    clips: clipsInDraft(draft),
    threads: choice.includeFeedback && feedback ? readThreads(feedback).threads : null,
    actions: choice.includePlan && feedback ? readActions(feedback) : null,
    version: choice.version,
  });
}

export function composeExport(parts: ExportParts): ExportDocument {
  const t = createTranslator(parts.language);
  const build = nodeBuilder(draftSchema());
  const sections: ExportSection[] = [referencesSection(parts, t, build)];
  if (parts.threads) sections.push(feedbackSection(parts.threads, t, build));
  if (parts.actions) sections.push(planSection(parts.actions, parts.language, parts.today ?? localDay(), t, build));
  return {
    title: parts.title.trim() || t('editor.draft.fallbackTitle'),
    language: parts.language,
    content: draftForVersion(parts.content, parts.version ?? 'teacher'),
    sections,
  };
}

type Builder = ReturnType<typeof nodeBuilder>;

function nodeBuilder(schema: Schema) {
  const text = (value: string, marks: readonly Mark[] = []) => (value ? [schema.text(value, marks)] : []);
  const paragraph = (...content: PMNode[][]) => schema.nodes.paragraph!.create(null, content.flat());
  const cell = (header: boolean, blocks: PMNode[]) =>
    (header ? schema.nodes.tableHeader! : schema.nodes.tableCell!).create(null, blocks.length ? blocks : [paragraph()]);
  return {
    schema,
    text,
    paragraph,
    italic: (value: string) => text(value, [schema.marks.italic!.create()]),
    link: (value: string, href: string) => text(value, [schema.marks.link!.create({ href })]),
    table: (head: string[], rows: PMNode[][][]) =>
      schema.nodes.table!.create(null, [
        schema.nodes.tableRow!.create(
          null,
          head.map((label) => cell(true, [paragraph(text(label))])),
        ),
        ...rows.map((row) =>
          schema.nodes.tableRow!.create(
            null,
            row.map((blocks) => cell(false, blocks)),
          ),
        ),
      ]),
  };
}

function referencesSection(parts: ExportParts, t: Translate, b: Builder): ExportSection {
  const entries = apaReferences(parts.clips, parts.language);
  const blocks = entries.map((entry) => {
    const href = safeHttpUrl(entry.url);
    return b.paragraph(
      ...entry.segments.map((segment) => (segment.italic ? b.italic(segment.text) : b.text(segment.text))),
      entry.url ? b.text(' ') : [],
      entry.url ? (href ? b.link(entry.url, href) : b.text(entry.url)) : [],
    );
  });
  return {
    kind: 'references',
    heading: t('editor.references.heading'),
    blocks: blocks.length ? blocks : [b.paragraph(b.italic(t('export.doc.noReferences')))],
  };
}

function feedbackSection(threads: readonly Thread[], t: Translate, b: Builder): ExportSection {
  const rows = threads.map((thread) => {
    // Every comment of the thread, replies too, each under its author's name.
    const comment = thread.comments.flatMap((entry) => [
      b.paragraph(entry.deleted ? b.italic(t('export.doc.feedback.deleted')) : b.text(entry.body)),
      b.paragraph(b.italic(`— ${entry.authorName}`)),
    ]);
    if (comment.length === 0) comment.push(b.paragraph(b.text('—')));
    if (thread.kind === 'suggestion' && thread.suggestion) comment.push(b.paragraph(b.text(`→ ${thread.suggestion}`)));
    return [
      [b.paragraph(b.text(t(`feedback.kind.${thread.kind}`)))],
      [b.paragraph(b.italic(thread.anchor.quote))],
      comment,
      [
        b.paragraph(
          b.text(t(thread.status === 'open' ? 'feedback.thread.statusOpen' : 'feedback.thread.statusResolved')),
        ),
      ],
    ];
  });
  const head = ['kind', 'quote', 'comment', 'status'] as const;
  return {
    kind: 'feedback',
    heading: t('export.doc.feedback'),
    blocks: rows.length
      ? [
          b.table(
            head.map((column) => t(`export.doc.feedback.${column}`)),
            rows,
          ),
        ]
      : [b.paragraph(b.italic(t('export.doc.noFeedback')))],
  };
}

function actionStatus(
  action: FollowUpAction,
  today: string,
): 'cycle.plan.statusDone' | 'cycle.plan.overdue' | 'cycle.plan.statusOpen' {
  if (action.status === 'done') return 'cycle.plan.statusDone';
  return isOverdue(action, today) ? 'cycle.plan.overdue' : 'cycle.plan.statusOpen';
}

function planSection(
  actions: readonly FollowUpAction[],
  language: Language,
  today: string,
  t: Translate,
  b: Builder,
): ExportSection {
  const rows = actions.map((action) => [
    [b.paragraph(b.text(action.what))],
    [b.paragraph(b.text(action.who || t('cycle.plan.nobody')))],
    [b.paragraph(b.text(action.due ? formatDay(action.due, language) : t('cycle.plan.noDue')))],
    [b.paragraph(b.text(t(actionStatus(action, today))))],
  ]);
  const head = ['what', 'who', 'due', 'status'] as const;
  return {
    kind: 'plan',
    heading: t('export.doc.plan'),
    blocks: rows.length
      ? [
          b.table(
            head.map((column) => t(`export.doc.plan.${column}`)),
            rows,
          ),
        ]
      : [b.paragraph(b.italic(t('cycle.plan.empty')))],
  };
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "2025-05-12" or an ISO time → "12 Mei 2025", the day as written (no time-zone shift). */
export function formatDay(value: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(day);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: day === value ? undefined : 'UTC',
  }).format(date);
}

/** The line naming a clip's source, as every format prints it above the clipped content. */
export interface ClipSourceLine {
  label: string;
  title: string;
  url: string | null;
  site: string | null;
  captured: string | null;
}

export function clipSourceLine(attrs: Record<string, unknown>, language: Language): ClipSourceLine {
  const t = createTranslator(language);
  const text = (name: string) => (typeof attrs[name] === 'string' ? (attrs[name] as string).trim() : '');
  const url = safeHttpUrl(text('sourceUrl'));
  return {
    label: t('export.doc.source'),
    title: text('sourceTitle') || url || t('editor.clip.untitled'),
    url,
    site: text('siteName') || null,
    captured: text('capturedAt') ? t('export.doc.capturedAt', { date: formatDay(text('capturedAt'), language) }) : null,
  };
}

/** The source line as plain text: "Sumber: Judul · Situs · https://… · diklip 12 Mei 2025". */
export function clipSourceText(line: ClipSourceLine): string {
  return `${line.label}: ${[line.title, line.site, line.url && line.url !== line.title ? line.url : null, line.captured]
    .filter(Boolean)
    .join(' · ')}`;
}
