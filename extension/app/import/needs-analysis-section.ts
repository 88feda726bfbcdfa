/**
 * An imported draft starts, like every draft, in the stage "Analisis kebutuhan": it gets the needs
 * analysis section the built-in templates open with (the teacher-only heading and the blocks under
 * it, from the blank template), before the Word content — unless the document has one already.
 */
import type { Language } from '../../../shared/i18n';
import { NEEDS_ANALYSIS_HEADINGS, TEACHER_AUDIENCE } from '../../../shared/model/audience';
import type { NodeJson } from '../../../shared/model/clip';
import { builtinTemplate } from '../../../shared/templates/builtin-templates';

function textOf(node: NodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

function isNeedsAnalysisHeading(node: NodeJson): boolean {
  return node.type === 'heading' && (NEEDS_ANALYSIS_HEADINGS as readonly string[]).includes(textOf(node).trim());
}

/** The document has its own needs analysis (a heading named as the templates name it). */
export function hasNeedsAnalysis(content: readonly NodeJson[]): boolean {
  return content.some(isNeedsAnalysisHeading);
}

/** The blank template's needs analysis in `language`: its teacher-only heading and what follows, up to the next heading of its level. */
export function needsAnalysisSection(language: Language): NodeJson[] {
  const blocks = (builtinTemplate('builtin-blank')?.content[language].content ?? []) as NodeJson[];
  const start = blocks.findIndex((node) => node.type === 'heading' && node.attrs?.audience === TEACHER_AUDIENCE);
  if (start === -1) return [];
  const level = blocks[start]?.attrs?.level;
  const end = blocks.findIndex(
    (node, index) => index > start && node.type === 'heading' && node.attrs?.level === level,
  );
  return blocks.slice(start, end === -1 ? undefined : end);
}

/** What the new draft holds: the needs analysis first (when the document lacks one), then the document. */
export function withNeedsAnalysis(content: readonly NodeJson[], language: Language): NodeJson[] {
  if (hasNeedsAnalysis(content)) return [...content];
  return [...needsAnalysisSection(language), ...content];
}
