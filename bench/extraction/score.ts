/**
 * Scores extracted text against a human's snippets as trafilatura's evaluation does: a `with` snippet found
 * is a true positive (missing: false negative); a `without` snippet found is a false positive (absent: true
 * negative). Whitespace is collapsed on both sides, so a snippet never fails on a line break alone.
 */

export interface SnippetCounts {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  trueNegatives: number;
}

export interface PageScore extends SnippetCounts {
  /** The `with` snippets not found and the `without` snippets found: what to look at first. */
  missed: string[];
  kept: string[];
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

export function scorePage(text: string, wanted: readonly string[], unwanted: readonly string[]): PageScore {
  const haystack = collapsed(text);
  const missed = wanted.filter((snippet) => !haystack.includes(collapsed(snippet)));
  const kept = unwanted.filter((snippet) => haystack.includes(collapsed(snippet)));
  return {
    truePositives: wanted.length - missed.length,
    falseNegatives: missed.length,
    falsePositives: kept.length,
    trueNegatives: unwanted.length - kept.length,
    missed,
    kept,
  };
}

export interface Quality {
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

export function addCounts(a: SnippetCounts, b: SnippetCounts): SnippetCounts {
  return {
    truePositives: a.truePositives + b.truePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
    falsePositives: a.falsePositives + b.falsePositives,
    trueNegatives: a.trueNegatives + b.trueNegatives,
  };
}

export const noCounts: SnippetCounts = { truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0 };

export function quality(c: SnippetCounts): Quality {
  const precision = c.truePositives / (c.truePositives + c.falsePositives || 1);
  const recall = c.truePositives / (c.truePositives + c.falseNegatives || 1);
  const all = c.truePositives + c.falseNegatives + c.falsePositives + c.trueNegatives;
  return {
    precision,
    recall,
    accuracy: (c.truePositives + c.trueNegatives) / (all || 1),
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
