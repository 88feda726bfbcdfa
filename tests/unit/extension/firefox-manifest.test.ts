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
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('Chrome gets none of it', () => {
    expect(manifestFor('chrome', 3).browser_specific_settings).toBeUndefined();
    expect(manifestFor('chrome', 3).name).toBe('Dampingi');
  });
});
