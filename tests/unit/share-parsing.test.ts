import { describe, expect, it } from 'vitest';
import { readSharedContent, shareKind, textParagraphs } from '../../extension/app/share/shared-content';

const form = (fields: Partial<{ title: string; text: string; url: string }>) => ({
  title: '',
  text: '',
  url: '',
  ...fields,
});

describe('what a share sheet sends is sorted into link, text and title', () => {
  it('a link in the url field alone becomes a page share', () => {
    const shared = readSharedContent(form({ title: 'Fotosintesis', url: 'https://example.org/fotosintesis' }));
    expect(shared).toEqual({ url: 'https://example.org/fotosintesis', text: null, title: 'Fotosintesis' });
    expect(shareKind(shared, 0)).toBe('page');
  });

  it('a link an app put inside the text is found, and the text that only repeats the title is dropped', () => {
    const shared = readSharedContent(
      form({ title: 'Daur air untuk kelas 5', text: 'Daur air untuk kelas 5 https://example.org/daur-air.' }),
    );
    expect(shared.url).toBe('https://example.org/daur-air');
    expect(shared.text).toBeNull();
    expect(shareKind(shared, 0)).toBe('page');
  });

  it('a highlighted passage shared with its page becomes text with the page as its source', () => {
    const shared = readSharedContent(
      form({
        text: '"Tumbuhan membuat makanannya sendiri."\nhttps://example.org/fotosintesis#:~:text=Tumbuhan',
        url: 'https://example.org/fotosintesis',
      }),
    );
    expect(shared.url).toBe('https://example.org/fotosintesis');
    expect(shared.text).toBe('Tumbuhan membuat makanannya sendiri.');
    expect(shareKind(shared, 0)).toBe('text');
  });

  it('a second, different link in the text stays part of the text', () => {
    const shared = readSharedContent(
      form({ text: 'Bandingkan dengan https://example.net/lain', url: 'https://example.org/a' }),
    );
    expect(shared.url).toBe('https://example.org/a');
    expect(shared.text).toBe('Bandingkan dengan https://example.net/lain');
  });

  it('only http and https links count; other schemes are text', () => {
    const shared = readSharedContent(form({ text: 'javascript:alert(1)', url: 'file:///etc/passwd' }));
    expect(shared.url).toBeNull();
    expect(shared.text).toBe('javascript:alert(1)');
    expect(shareKind(shared, 0)).toBe('text');
  });

  it('pictures make a picture share, whatever else came; nothing at all is an empty share', () => {
    const withText = readSharedContent(form({ text: 'Hasil percobaan kelompok 2' }));
    expect(shareKind(withText, 1)).toBe('picture');
    const nothing = readSharedContent(form({ title: '  ', text: '\n' }));
    expect(nothing).toEqual({ url: null, text: null, title: null });
    expect(shareKind(nothing, 0)).toBe('empty');
  });

  it('a title with line breaks and runs of spaces reads as one line', () => {
    expect(readSharedContent(form({ title: ' Ekosistem\n  sawah ', text: 'isi' })).title).toBe('Ekosistem sawah');
  });

  it('text becomes paragraphs at blank lines, keeping single line breaks inside one', () => {
    expect(textParagraphs('Langkah 1\nLangkah 2\n\n\nCatatan guru')).toEqual([
      ['Langkah 1', 'Langkah 2'],
      ['Catatan guru'],
    ]);
  });
});
