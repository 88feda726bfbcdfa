// The extract CLI answers every input line in order, turning bad lines into error lines instead of stopping.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');

function runExtract(input: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(repoRoot, 'node_modules/.bin/tsx'), ['scripts/extract.ts'], { cwd: repoRoot });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, code }));
    child.stdin.end(input);
  });
}

const article = `<html lang="en"><head><title>Rivers of Java - Field Notes</title>
<meta name="author" content="Sari Dewi"></head><body><nav><a href="/">Home</a></nav><article>
<h1>Rivers of Java</h1>${'<p>The Brantas river winds through East Java, feeding rice fields and towns along its course. </p>'.repeat(8)}
</article></body></html>`;

describe('extract CLI', () => {
  it('writes one line per input, in order, with an error line for the invalid one', async () => {
    const input = [
      JSON.stringify({ id: 'first', url: 'https://example.org/rivers', html: article }),
      '{"id": "broken", "url": ',
      JSON.stringify({ url: 'https://example.org/second', html: article.replace('Rivers of Java', 'Second') }),
    ].join('\n');

    const { stdout, code } = await runExtract(`${input}\n`);

    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'first', url: 'https://example.org/rivers', byline: 'Sari Dewi', lang: 'en' });
    expect(lines[0]?.text).toContain('The Brantas river winds through East Java');
    expect(lines[0]?.text).not.toContain('Home');
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ id: null, url: 'https://example.org/second' });
    expect(lines[2]).not.toHaveProperty('error');
  });
});
