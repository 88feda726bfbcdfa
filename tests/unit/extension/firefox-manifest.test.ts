/** The Firefox build's manifest: a stable add-on ID and the data-collection declaration Firefox asks for; Chrome's has neither. */
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
  command: string;
}) => Record<string, unknown>;

function manifestFor(browser: string, manifestVersion: 2 | 3): Record<string, unknown> {
  const manifest = config.manifest as unknown as ManifestFn;
  return manifest({ browser, manifestVersion, mode: 'production', command: 'build' });
}

describe('the extension manifest per browser', () => {
  it('Firefox gets a stable add-on ID and declares that it collects no data', () => {
    expect(manifestFor('firefox', 2).browser_specific_settings).toEqual({
      gecko: {
        id: 'dampingi@dampingi.id',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('Firefox is not asked for Chrome-only permissions or versions (web-ext lint warns of them)', () => {
    expect(manifestFor('firefox', 2).permissions).not.toContain('offscreen');
    expect(manifestFor('firefox', 2).minimum_chrome_version).toBeUndefined();
    expect(manifestFor('chrome', 3).permissions).toContain('offscreen');
    expect(manifestFor('chrome', 3).minimum_chrome_version).toBe('116');
  });

  it('Chrome gets none of it', () => {
    expect(manifestFor('chrome', 3).browser_specific_settings).toBeUndefined();
    expect(manifestFor('chrome', 3).name).toBe('Dampingi');
  });
});
