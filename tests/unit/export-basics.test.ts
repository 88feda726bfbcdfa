/** The parts every export shares: file names from titles, picture sizes, and pacing that lets the page breathe. */
import { describe, expect, it, vi } from 'vitest';
import { exportFileName, slugify } from '../../shared/export/file-name';
import { decodeDataUrl, fitImage, imageSize } from '../../shared/export/image-data';
import { createPacer } from '../../shared/export/pace';
import { pngBytes, pngDataUrl } from './export-fixtures';

describe('export file names', () => {
  it('are the title in lower case with hyphens, letters (also accented) and digits kept', () => {
    expect(exportFileName('LKPD Pecahan Senilai — Kelas IV', 'docx')).toBe('lkpd-pecahan-senilai-kelas-iv.docx');
    expect(exportFileName('Modul Ajar: Ekspresi Budaya (Fase B)', 'html')).toBe(
      'modul-ajar-ekspresi-budaya-fase-b.html',
    );
    expect(slugify('Résumé Pelajaran Bahasa Daerah ꦗꦮ')).toBe('résumé-pelajaran-bahasa-daerah-ꦗꦮ');
    expect(slugify("Guru's Notes / Catatan 2025")).toBe('gurus-notes-catatan-2025');
    expect(exportFileName('   ', 'md')).toBe('draf.md');
    expect(exportFileName('../../etc/passwd', 'zip')).toBe('etc-passwd.zip');
    expect(slugify('a'.repeat(200)).length).toBeLessThanOrEqual(80);
  });
});

describe('pictures in exports', () => {
  it('reads the size of a PNG, and of JPEG, GIF and WebP headers', () => {
    expect(imageSize(pngBytes(160, 100))).toEqual({ width: 160, height: 100 });
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x03, 0x58, 0x02]);
    expect(imageSize(gif)).toEqual({ width: 800, height: 600 });
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    expect(decodeDataUrl(pngDataUrl(30, 20))).toMatchObject({ type: 'image/png', width: 30, height: 20 });
    expect(decodeDataUrl('https://example.org/a.png')).toBeNull();
    expect(decodeDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
  });

  it('fit the page: a wide photo is scaled down with its proportions, a small one keeps its size', () => {
    const box = { maxWidth: 600, maxHeight: 800 };
    expect(fitImage({ width: 3000, height: 2000 }, {}, box)).toEqual({ width: 600, height: 400 });
    expect(fitImage({ width: 160, height: 100 }, {}, box)).toEqual({ width: 160, height: 100 });
    expect(fitImage({ width: 1000, height: 4000 }, {}, box)).toEqual({ width: 200, height: 800 });
    expect(fitImage({ width: 1000, height: 500 }, { width: '300' }, box)).toEqual({ width: 300, height: 150 });
  });
});

describe('pacing an export', () => {
  it('gives the event loop back once a slice is used up, so a timer (a keystroke) runs in between', async () => {
    // The clock the pacer reads is fake (time is the subject here); timers stay real, so the
    // keystroke's timer runs only if the pacer really gives the event loop back.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const pacer = createPacer({}, 4);
      let timerRan = false;
      setTimeout(() => {
        timerRan = true;
      }, 0);
      for (let ms = 0; ms < 10; ms++) {
        await pacer.step(0.5);
        vi.advanceTimersByTime(1); // busy for a millisecond, as a conversion is
      }
      expect(timerRan).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops with an AbortError as soon as it is cancelled', async () => {
    const controller = new AbortController();
    const pacer = createPacer({ signal: controller.signal });
    await pacer.step(0.1);
    controller.abort();
    await expect(pacer.step(0.2)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
