/**
 * Where clipped HTML becomes draft content: sanitise, then parse with the draft's ProseMirror
 * schema into block-node JSON. Needs a DOM, so in the extension it runs in the offscreen document.
 */
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import type { NodeJson } from '../../shared/model/clip';
import { CLIP_NODE_NAME } from '../../shared/model/clip-node';
import { draftSchema } from '../../shared/model/draft-extensions';
import type { OffscreenConvertReply } from '../../shared/protocol/extension-messages';
import { sanitizeClipHtml } from './sanitize-html';

/** Nodes that count as content even without text. */
const CONTENT_WITHOUT_TEXT = new Set(['image', 'table', 'horizontalRule']);

export function htmlToClipContent(html: string, document: Document): OffscreenConvertReply {
  let blocks: NodeJson[];
  try {
    const container = sanitizeClipHtml(html, document);
    const parsed = ProseMirrorDOMParser.fromSchema(draftSchema()).parse(container);
    blocks = (parsed.toJSON() as NodeJson).content ?? [];
  } catch (error) {
    console.error('clip: could not convert selection HTML', error);
    return { ok: false, reason: 'conversion-failed' };
  }
  const content = blocks.flatMap(unwrapClips).filter(hasContent);
  if (content.length === 0) return { ok: false, reason: 'nothing-selected' };
  return { ok: true, content };
}

/** A page must not be able to fake a source card: a clip inside a clip keeps only its content. */
function unwrapClips(node: NodeJson): NodeJson[] {
  if (node.type === CLIP_NODE_NAME) return (node.content ?? []).flatMap(unwrapClips);
  if (!node.content) return [node];
  return [{ ...node, content: node.content.flatMap(unwrapClips) }];
}

function hasContent(node: NodeJson): boolean {
  if (CONTENT_WITHOUT_TEXT.has(node.type)) return true;
  if (node.type === 'text') return (node.text ?? '').trim() !== '';
  return (node.content ?? []).some(hasContent);
}
