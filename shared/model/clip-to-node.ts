/** Where a clip becomes a document node: builds and checks the clip block against the draft schema. */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Clip, NodeJson } from './clip';
import { CLIP_NODE_NAME } from './clip-node';
import { draftSchema } from './draft-extensions';

export type ClipNodeResult = { ok: true; node: PMNode } | { ok: false; reason: 'invalid-content'; detail: string };

export function clipToNodeJson(clip: Clip): NodeJson {
  return {
    type: CLIP_NODE_NAME,
    attrs: {
      clipId: clip.clipId,
      kind: clip.kind,
      sourceTitle: clip.source.title,
      sourceUrl: clip.source.url,
      siteName: clip.source.siteName,
      author: clip.source.author,
      publishedAt: clip.source.publishedAt,
      licence: clip.source.licence,
      language: clip.source.language,
      description: clip.source.description,
      capturedAt: clip.source.capturedAt,
    },
    content: clip.content,
  };
}

/** The schema is the final allowlist: unknown nodes, marks or invalid nesting are refused here. */
export function clipToNode(clip: Clip): ClipNodeResult {
  try {
    const node = draftSchema().nodeFromJSON(clipToNodeJson(clip));
    node.check();
    return { ok: true, node };
  } catch (error) {
    return { ok: false, reason: 'invalid-content', detail: error instanceof Error ? error.message : String(error) };
  }
}
