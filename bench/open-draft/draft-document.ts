/**
 * The large draft of workload 4: the end text of the longest editing trace, one paragraph per
 * non-empty line, as a Tiptap document, as the Y.Doc the server stores, and as plain HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { z } from 'zod';
import { DRAFT_CONTENT_FIELD, draftSchema } from '../../shared/model/draft-extensions';

export interface DraftText {
  /** The trace file it came from. */
  trace: string;
  paragraphs: string[];
  characters: number;
}

/** Sequential and concurrent traces alike end with `endContent`; nothing else is needed here. */
const EndContentSchema = z.object({ endContent: z.string() });

function endContentOf(path: string): string {
  return EndContentSchema.parse(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'))).endContent;
}

/** The trace in `dir` whose end text is longest. */
export function longestTrace(dir: string): string {
  const paths = readdirSync(dir)
    .filter((name) => name.endsWith('.json.gz'))
    .sort()
    .map((name) => join(dir, name));
  let best: { path: string; length: number } | null = null;
  for (const path of paths) {
    const length = endContentOf(path).length;
    if (!best || length > best.length) best = { path, length };
  }
  if (!best) throw new Error(`no editing traces in ${dir}`);
  return best.path;
}

/** One paragraph per non-empty line (trailing spaces dropped); at most `maxParagraphs` of them. */
export function draftTextOf(tracePath: string, maxParagraphs?: number): DraftText {
  const paragraphs = endContentOf(tracePath)
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(0, maxParagraphs);
  if (paragraphs.length === 0) throw new Error(`${tracePath} has no text`);
  return {
    trace: basename(tracePath),
    paragraphs,
    characters: paragraphs.reduce((total, paragraph) => total + paragraph.length, 0),
  };
}

export function tiptapJson(text: DraftText) {
  return {
    type: 'doc',
    content: text.paragraphs.map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })),
  };
}

/** The draft's content document, as the editor itself would have written it. */
export function draftYDoc(text: DraftText): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema(), tiptapJson(text), doc.getXmlFragment(DRAFT_CONTENT_FIELD));
  return doc;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The floor: the same paragraphs as a static page, no script at all. */
export function staticPage(text: DraftText): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body>',
    ...text.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
  ].join('\n');
}

/** A bare Tiptap editor (the draft schema, no sync, no app) given the document inline. */
export function bareEditorPage(text: DraftText, scriptPath: string): string {
  // `<` escaped so no text can close the script element early.
  const json = JSON.stringify(tiptapJson(text)).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body>',
    '<div id="editor"></div>',
    `<script type="application/json" id="draft-json">${json}</script>`,
    `<script type="module" src="${scriptPath}"></script>`,
    '</body></html>',
  ].join('\n');
}
