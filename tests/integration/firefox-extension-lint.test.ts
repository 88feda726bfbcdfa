/**
 * The Firefox build passes Mozilla's add-on linter (`web-ext lint`, the check addons.mozilla.org
 * runs on upload) with no errors. Warnings are printed for a person to read; most are innerHTML
 * in bundled libraries (React, ProseMirror, DOMPurify), which the linter cannot tell from ours.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

async function lintFirefoxBuild(): Promise<LintReport> {
  const webExt = join(ROOT, 'node_modules/.bin/web-ext');
  const args = ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-input'];
  // web-ext exits non-zero when it finds errors; the report is on stdout either way.
  const { stdout } = await promisify(execFile)(webExt, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(stdout) as LintReport;
}

const line = (message: LintMessage) => `${message.code} ${message.file ?? ''}: ${message.message}`;
const explained = (message: LintMessage) => `${line(message)}${message.description ? ` — ${message.description}` : ''}`;

describe('the Firefox build as addons.mozilla.org checks it', () => {
  it('web-ext lint reports no errors, and no manifest warnings', { timeout: 180_000 }, async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
      throw new Error(`Firefox build missing at ${FIREFOX_BUILD}: run npm run build:firefox first`);
    }
    const report = await lintFirefoxBuild();
    if (report.warnings.length > 0) {
      console.info(`web-ext lint: ${report.warnings.length} warnings\n${report.warnings.map(line).join('\n')}`);
    }
    expect(report.errors.map(explained)).toEqual([]);
    // The manifest is ours alone: a warning there (a Chrome-only permission, a key too new for the
    // minimum version) is a real fault, unlike innerHTML inside a bundled library.
    expect(report.warnings.filter((warning) => warning.file === 'manifest.json').map(explained)).toEqual([]);
  });
});
