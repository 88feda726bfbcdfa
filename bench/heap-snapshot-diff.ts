/**
 * Compares V8 heap snapshots (`--heapsnapshot-signal`): objects counted and their self size summed by
 * class (node type and constructor name), and what grew from the first snapshot to each later one.
 * `node --import tsx bench/heap-snapshot-diff.ts a.heapsnapshot b.heapsnapshot [c…]`
 */
import { readFileSync } from 'node:fs';

interface HeapSnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface ClassTotals {
  count: number;
  bytes: number;
}

/** Self size and count per `type:name` (e.g. `object:Map`, `closure:onMessage`, `string`). */
export function classTotals(path: string): Map<string, ClassTotals> {
  const file = JSON.parse(readFileSync(path, 'utf8')) as HeapSnapshotFile;
  const fields = file.snapshot.meta.node_fields;
  const types = file.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, ClassTotals>();
  for (let offset = 0; offset < file.nodes.length; offset += width) {
    const type = types[file.nodes[offset + typeAt] as number] ?? '?';
    // Strings and numbers are named by their content: group them by type only.
    const name = ['object', 'closure', 'native', 'array', 'hidden', 'code'].includes(type)
      ? `${type}:${file.strings[file.nodes[offset + nameAt] as number]}`
      : type;
    const entry = totals.get(name) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += file.nodes[offset + sizeAt] as number;
    totals.set(name, entry);
  }
  return totals;
}

export function growth(before: Map<string, ClassTotals>, after: Map<string, ClassTotals>, top = 25) {
  const rows = [...after].map(([name, totals]) => {
    const was = before.get(name) ?? { count: 0, bytes: 0 };
    return { name, count: totals.count - was.count, bytes: totals.bytes - was.bytes };
  });
  return rows.sort((a, b) => b.bytes - a.bytes).slice(0, top);
}

if (process.argv[1]?.endsWith('heap-snapshot-diff.ts')) {
  const paths = process.argv.slice(2);
  const [first, ...rest] = paths.map(classTotals);
  if (!first) throw new Error('give two or more .heapsnapshot files');
  const sum = (totals: Map<string, ClassTotals>) => [...totals.values()].reduce((all, t) => all + t.bytes, 0);
  rest.forEach((later, index) => {
    console.log(
      `\n${paths[0]} → ${paths[index + 1]}: heap ${(sum(first) / 2 ** 20).toFixed(1)} → ${(sum(later) / 2 ** 20).toFixed(1)} MiB`,
    );
    for (const row of growth(first, later)) {
      console.log(`${(row.bytes / 1024).toFixed(0).padStart(9)} KiB ${String(row.count).padStart(8)}  ${row.name}`);
    }
  });
}
