// Scores how much two texts agree by the F1 of their 4-word shingles, the measure used to judge extraction.

function shingleCounts(text: string, size: number): Map<string, number> {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const counts = new Map<string, number>();
  for (let i = 0; i + size <= words.length; i++) {
    const shingle = words.slice(i, i + size).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** F1 of the multiset overlap of word shingles; 1 when both texts are empty. */
export function shingleF1(candidate: string, reference: string, size = 4): number {
  const ours = shingleCounts(candidate, size);
  const theirs = shingleCounts(reference, size);
  const oursTotal = total(ours);
  const theirsTotal = total(theirs);
  if (oursTotal === 0 && theirsTotal === 0) return 1;
  let overlap = 0;
  for (const [shingle, count] of ours) overlap += Math.min(count, theirs.get(shingle) ?? 0);
  if (overlap === 0) return 0;
  const precision = overlap / oursTotal;
  const recall = overlap / theirsTotal;
  return (2 * precision * recall) / (precision + recall);
}
