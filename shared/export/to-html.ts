/**
 * A draft as one self-contained HTML file: inline CSS, images as data URLs, no script, no font or
 * anything else fetched — a Content-Security-Policy in the file itself forbids every request, so
 * it opens the same with no network. Only the draft's own links point outside (to be clicked).
 */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { createTranslator, type Translate } from '../i18n';
import type { ExportDocument } from './export-document';
import { clipSourceLine } from './export-document';
import { isRasterDataUrl } from './image-data';
import { createPacer, type ExportRunOptions } from './pace';
import { eachTopLevel } from './walk';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapeMap[char] ?? char);

/** Only links a reader can follow without running anything. */
export function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

export async function exportToHtml(doc: ExportDocument, options: ExportRunOptions = {}): Promise<string> {
  const pacer = createPacer(options);
  const t = createTranslator(doc.language);
  const body: string[] = [];
  await eachTopLevel(doc, pacer, (item) => {
    if (item.kind === 'section') body.push(`<h2 class="section-heading">${escapeHtml(item.section.heading)}</h2>`);
    else body.push(block(item.node, { t, doc, references: item.section?.kind === 'references' }));
  });
  await pacer.pause(0.95);
  const html = [
    '<!doctype html>',
    `<html lang="${doc.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Dampingi">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main class="document">',
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  options.onProgress?.(1);
  return html;
}

interface HtmlContext {
  t: Translate;
  doc: ExportDocument;
  references: boolean;
}

function children(node: PMNode, context: HtmlContext): string {
  const parts: string[] = [];
  node.forEach((child) => {
    parts.push(child.isInline ? '' : block(child, context));
  });
  return parts.join('');
}

function block(node: PMNode, context: HtmlContext): string {
  const attrs = node.attrs as Record<string, unknown>;
  switch (node.type.name) {
    case 'paragraph':
      return `<p${context.references ? ' class="reference"' : ''}>${inline(node)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attrs.level) || 1));
      return `<h${level}>${inline(node)}</h${level}>`;
    }
    case 'blockquote':
      return `<blockquote>${children(node, context)}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(node.textContent)}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'bulletList':
      return `<ul>${children(node, context)}</ul>`;
    case 'orderedList': {
      const start = Number(attrs.start) || 1;
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${children(node, context)}</ol>`;
    }
    case 'listItem':
      return `<li>${children(node, context)}</li>`;
    case 'taskList':
      return `<ul class="task-list">${children(node, context)}</ul>`;
    case 'taskItem': {
      const checked = attrs.checked === true;
      return `<li class="task-item${checked ? ' done' : ''}"><span class="task-box" role="img" aria-label="${checked ? '☑' : '☐'}">${checked ? '☑' : '☐'}</span> <div>${children(node, context)}</div></li>`;
    }
    case 'table':
      return `<table>${children(node, context)}</table>`;
    case 'tableRow':
      return `<tr>${children(node, context)}</tr>`;
    case 'tableCell':
    case 'tableHeader': {
      const tag = node.type.name === 'tableHeader' ? 'th' : 'td';
      const span = (name: string, value: unknown) => (Number(value) > 1 ? ` ${name}="${Number(value)}"` : '');
      return `<${tag}${span('colspan', attrs.colspan)}${span('rowspan', attrs.rowspan)}>${children(node, context)}</${tag}>`;
    }
    case 'image':
      return image(attrs, context.t);
    case 'clip':
      return clip(node, context);
    default:
      // A node this exporter does not know yet: keep its text rather than lose it.
      return node.isTextblock ? `<p>${inline(node)}</p>` : children(node, context);
  }
}

function image(attrs: Record<string, unknown>, t: Translate): string {
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  if (!isRasterDataUrl(attrs.src)) {
    // A picture not stored in the draft would be fetched from elsewhere: named, not shown.
    return `<p class="image-left-out">${escapeHtml(t('export.doc.imageLeftOut', { name: alt || t('export.doc.image') }))}</p>`;
  }
  const size = ['width', 'height']
    .map((name) => (Number(attrs[name]) > 0 ? ` ${name}="${Number(attrs[name])}"` : ''))
    .join('');
  const title = typeof attrs.title === 'string' && attrs.title ? ` title="${escapeHtml(attrs.title)}"` : '';
  return `<figure><img src="${escapeHtml(attrs.src)}" alt="${escapeHtml(alt)}"${title}${size}></figure>`;
}

function clip(node: PMNode, context: HtmlContext): string {
  const line = clipSourceLine(node.attrs, context.doc.language);
  const href = safeLink(line.url);
  const title = href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(line.title)}</a>`
    : escapeHtml(line.title);
  const extra = [line.site, href && line.url !== line.title ? line.url : null, line.captured]
    .filter((part): part is string => Boolean(part))
    .map((part) => ` · <span>${escapeHtml(part)}</span>`)
    .join('');
  return `<section class="clip"><p class="clip-source"><strong>${escapeHtml(line.label)}:</strong> ${title}${extra}</p>${children(node, context)}</section>`;
}

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

function inline(node: PMNode): string {
  const parts: string[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') parts.push('<br>');
    else if (child.isText) parts.push(wrapMarks(escapeHtml(child.text ?? ''), child.marks));
  });
  return parts.join('');
}

function wrapMarks(html: string, marks: readonly Mark[]): string {
  let out = html;
  for (const mark of [...marks].reverse()) {
    if (mark.type.name === 'link') {
      const href = safeLink(mark.attrs.href);
      if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${out}</a>`;
    } else {
      const tag = MARK_TAGS[mark.type.name];
      if (tag) out = `<${tag}>${out}</${tag}>`;
    }
  }
  return out;
}

/** The file's only styling: system fonts (nothing to download), an A4 page when printed. */
const STYLE = `
:root { color: #1f2933; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 16px; line-height: 1.55; }
body { margin: 0; }
.document { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1.title { font-size: 1.9rem; margin-top: 0; }
h2.section-heading { border-top: 1px solid #d9dee5; padding-top: 0.8em; }
p { margin: 0.5em 0; }
a { color: #1d5f8a; }
img { max-width: 100%; height: auto; }
figure { margin: 0.75em 0; break-inside: avoid; }
blockquote { margin: 0.75em 0; padding: 0.1em 1em; border-left: 3px solid #d9dee5; color: #3e4c59; }
pre { background: #f4f6f8; padding: 0.75em 1em; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; }
code { font-family: ui-monospace, "Cascadia Mono", "Liberation Mono", monospace; font-size: 0.92em; }
hr { border: 0; border-top: 1px solid #d9dee5; margin: 1.5em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75em 0; }
th, td { border: 1px solid #c5ccd6; padding: 0.35em 0.6em; vertical-align: top; text-align: left; }
th { background: #eef2f6; }
tr { break-inside: avoid; page-break-inside: avoid; }
td > p:first-child, th > p:first-child { margin-top: 0; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
ul.task-list { list-style: none; padding-left: 0.25em; }
li.task-item { display: flex; gap: 0.5em; }
li.task-item > div > p { margin: 0; }
.task-box { flex: none; }
.clip { margin: 1em 0; padding: 0.25em 1em 0.5em; border: 1px solid #d9dee5; border-left: 4px solid #1d5f8a; border-radius: 6px; background: #fbfcfd; }
.clip-source { font-size: 0.88rem; color: #52606d; overflow-wrap: anywhere; }
.reference { padding-left: 2em; text-indent: -2em; overflow-wrap: anywhere; }
.image-left-out { color: #52606d; font-style: italic; }
@page { size: A4; margin: 18mm 16mm; }
@media print { .document { max-width: none; padding: 0; } a { color: inherit; } }
`;
