import { describe, expect, it } from 'vitest';
import type { ClipInDraft } from '../../shared/model/draft-doc';
import { apaAuthor } from '../../shared/references/apa-author';
import { formatApaDate, parsePublicationDate } from '../../shared/references/apa-date';
import { apaReferences, referenceText, toPlainText } from '../../shared/references/apa-reference';

let counter = 0;
function clip(source: Partial<ClipInDraft> = {}): ClipInDraft {
  counter += 1;
  return {
    clipId: `clip-${counter}`,
    kind: 'article',
    sourceTitle: 'Mengenal Pecahan Senilai Lewat Kue Lapis',
    sourceUrl: 'https://ruangguru.example/artikel/pecahan-senilai',
    siteName: 'Ruang Guru Kita',
    author: 'Dewi Lestari',
    publishedAt: '2025-09-02T08:00:00+08:00',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    capturedAt: '2026-11-23T08:00:00.000Z',
    ...source,
  };
}

const lines = (clips: ClipInDraft[], language: 'id' | 'en') => apaReferences(clips, language).map(referenceText);
const line = (source: Partial<ClipInDraft>, language: 'id' | 'en' = 'id') => lines([clip(source)], language)[0];

describe('a reference list entry, APA 7, as a teacher copies it', () => {
  it('an article with author, date and site, in Bahasa Indonesia and English', () => {
    expect(line({})).toBe(
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
    expect(line({}, 'en')).toBe(
      'Lestari, D. (2025, September 2). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
  });

  it('only the title is italic; the URL is apart, to become a link', () => {
    const [entry] = apaReferences([clip()], 'id');
    expect(entry?.segments).toEqual([
      { text: 'Lestari, D. (2025, 2 September). ', italic: false },
      { text: 'Mengenal Pecahan Senilai Lewat Kue Lapis', italic: true },
      { text: '. Ruang Guru Kita.', italic: false },
    ]);
    expect(entry?.url).toBe('https://ruangguru.example/artikel/pecahan-senilai');
  });

  it('without an author the title takes its place, still italic', () => {
    const source = {
      author: null,
      sourceTitle: 'Fotosintesis untuk Kelas 5',
      siteName: 'Sumber Belajar',
      publishedAt: '2024-03-03',
      sourceUrl: 'https://sumber.example/ipa/fotosintesis',
    };
    expect(line(source)).toBe(
      'Fotosintesis untuk Kelas 5. (2024, 3 Maret). Sumber Belajar. https://sumber.example/ipa/fotosintesis',
    );
    expect(line(source, 'en')).toBe(
      'Fotosintesis untuk Kelas 5. (2024, March 3). Sumber Belajar. https://sumber.example/ipa/fotosintesis',
    );
    expect(apaReferences([clip(source)], 'id')[0]?.segments[0]).toEqual({
      text: 'Fotosintesis untuk Kelas 5',
      italic: true,
    });
  });

  it('no date is "t.t." in Bahasa Indonesia and "n.d." in English; a year alone stays a year', () => {
    expect(line({ publishedAt: null })).toBe(
      'Lestari, D. (t.t.). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
    expect(line({ publishedAt: 'kemarin sore' }, 'en')).toBe(
      'Lestari, D. (n.d.). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
    expect(line({ publishedAt: '2023' }, 'en')).toBe(
      'Lestari, D. (2023). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
  });

  it('an organisation that is also the site is the author, and the site is not repeated', () => {
    const source = {
      author: 'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi',
      siteName: 'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi',
      sourceTitle: 'Kurikulum Merdeka',
      publishedAt: '2022-02-11',
      sourceUrl: 'https://kemdikbud.example/kurikulum-merdeka',
    };
    expect(line(source)).toBe(
      'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi. (2022, 11 Februari). Kurikulum Merdeka. https://kemdikbud.example/kurikulum-merdeka',
    );
    expect(line({ ...source, author: 'Tim Redaksi', siteName: 'Kompas' }, 'en')).toBe(
      'Tim Redaksi. (2022, February 11). Kurikulum Merdeka. Kompas. https://kemdikbud.example/kurikulum-merdeka',
    );
  });

  it('a single name (Indonesian style) stays as it is', () => {
    expect(line({ author: 'Sukarno', siteName: 'Arsip Nasional', publishedAt: '1945' })).toBe(
      'Sukarno. (1945). Mengenal Pecahan Senilai Lewat Kue Lapis. Arsip Nasional. https://ruangguru.example/artikel/pecahan-senilai',
    );
  });

  it('a byline with a date, a time and the section glued on gives only the name (space.com)', () => {
    expect(line({ author: 'Mike Wall 2023-10-12T14:00:00Z Science & Astronomy' }, 'en')).toMatch(
      /^Wall, M\. \(2025, September 2\)\./,
    );
    expect(line({ author: 'Mike Wall published 2 days ago' }, 'en')).toMatch(/^Wall, M\. \(/);
    expect(line({ author: 'Budi Santoso | Senior Writer' })).toMatch(/^Santoso, B\. \(/);
    // Nothing but a date is no author: the title takes its place.
    expect(line({ author: '12 Oktober 2023' })).toMatch(/^\*?Mengenal Pecahan Senilai/);
  });

  it('a name with a job glued on, not recognisably a name, is kept as written, never inverted', () => {
    expect(apaAuthor('Mike Wall Senior Space Writer Of The Team Of', null)).not.toMatch(/^Of, /);
  });

  it('two and three authors are joined with "&", in both languages', () => {
    expect(line({ author: 'Budi Santoso dan Dewi Lestari' })).toMatch(
      /^Santoso, B., & Lestari, D. \(2025, 2 September\)\./,
    );
    expect(line({ author: 'Budi Santoso, Dewi Lestari, and Sukarno' }, 'en')).toMatch(
      /^Santoso, B., Lestari, D., & Sukarno. \(2025, September 2\)\./,
    );
  });

  it('a title ending in a question mark gets no extra period', () => {
    expect(line({ sourceTitle: 'Apa itu pecahan senilai?' })).toBe(
      'Lestari, D. (2025, 2 September). Apa itu pecahan senilai? Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
  });

  it('a video is described in brackets after its title', () => {
    const source = {
      kind: 'video',
      author: 'Dewi Lestari',
      siteName: 'YouTube',
      sourceTitle: 'Pecahan senilai dengan kue lapis',
      publishedAt: '2025-01-05',
      sourceUrl: 'https://www.youtube.com/watch?v=abc123',
    };
    expect(line(source)).toBe(
      'Lestari, D. (2025, 5 Januari). Pecahan senilai dengan kue lapis [Video]. YouTube. https://www.youtube.com/watch?v=abc123',
    );
    const [entry] = apaReferences([clip(source)], 'en');
    expect(entry?.segments.filter((segment) => segment.italic).map((segment) => segment.text)).toEqual([
      'Pecahan senilai dengan kue lapis',
    ]);
  });

  it('no "Diakses"/"Retrieved" date: the capture time is not part of an APA 7 web reference', () => {
    const text = toPlainText([...apaReferences([clip()], 'id'), ...apaReferences([clip()], 'en')]);
    expect(text).not.toMatch(/diakses|retrieved/i);
    expect(text).not.toContain('2026');
  });

  it('the printed address loses tracking parameters; an address that is not http(s) is not printed', () => {
    expect(apaReferences([clip({ sourceUrl: 'https://example.org/a?utm_source=wa&id=1' })], 'id')[0]?.url).toBe(
      'https://example.org/a?id=1',
    );
    const unsafe = apaReferences([clip({ sourceUrl: 'javascript:alert(1)' })], 'id')[0];
    expect(unsafe?.url).toBeNull();
    expect(unsafe && referenceText(unsafe)).toBe(
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita.',
    );
  });
});

describe('the list of a draft', () => {
  it('several clips of one page (an addition with a tracking link, a bookmark) are one source', () => {
    const article = clip({ author: null });
    const addition = clip({
      kind: 'selection',
      sourceUrl: 'https://www.ruangguru.example/artikel/pecahan-senilai/?utm_source=whatsapp#langkah',
    });
    const bookmark = clip({ kind: 'bookmark' });
    const other = clip({ author: 'Sukarno', sourceUrl: 'https://ruangguru.example/artikel/pecahan-campuran' });
    const entries = apaReferences([article, addition, bookmark, other], 'id');
    expect(entries.map((entry) => entry.clipIds)).toEqual([
      [article.clipId, addition.clipId, bookmark.clipId],
      [other.clipId],
    ]);
    // The author known only to the addition still makes it into the entry; the first address is printed.
    expect(referenceText(entries[0]!)).toBe(
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    );
  });

  it('entries are in alphabetical order of their first element, ignoring case and a leading "The"/"A"', () => {
    const sources = [
      { author: 'Bambang Pamungkas', sourceTitle: 'Sepak bola di sekolah', sourceUrl: 'https://a.example/1' },
      { author: null, sourceTitle: 'The Water Cycle', siteName: 'NASA', sourceUrl: 'https://a.example/2' },
      { author: 'zainal arifin', sourceTitle: 'Ekosistem sawah', sourceUrl: 'https://a.example/3' },
      { author: null, sourceTitle: 'A Guide to Fractions', siteName: 'Maths Hub', sourceUrl: 'https://a.example/4' },
      { author: 'Kementerian Agama', siteName: 'Kemenag', sourceTitle: 'Madrasah', sourceUrl: 'https://a.example/5' },
    ];
    const first = (text: string) => text.split('.')[0];
    expect(lines(sources.map(clip), 'en').map(first)).toEqual([
      'arifin, Z',
      'A Guide to Fractions',
      'Kementerian Agama',
      'Pamungkas, B',
      'The Water Cycle',
    ]);
  });

  it('two works of one author in one year get "a" and "b", in date order', () => {
    const later = clip({
      sourceTitle: 'Pecahan campuran',
      publishedAt: '2025-10-01',
      sourceUrl: 'https://a.example/b',
    });
    const earlier = clip({
      sourceTitle: 'Pecahan senilai',
      publishedAt: '2025-09-02',
      sourceUrl: 'https://a.example/a',
    });
    expect(lines([later, earlier], 'id')).toEqual([
      'Lestari, D. (2025a, 2 September). Pecahan senilai. Ruang Guru Kita. https://a.example/a',
      'Lestari, D. (2025b, 1 Oktober). Pecahan campuran. Ruang Guru Kita. https://a.example/b',
    ]);
  });

  it('no clips, no entries; the plain text is one entry per line', () => {
    expect(apaReferences([], 'id')).toEqual([]);
    expect(toPlainText([])).toBe('');
    const two = apaReferences([clip(), clip({ sourceUrl: 'https://a.example/x', author: 'Ani Wijaya' })], 'id');
    expect(toPlainText(two).split('\n')).toEqual(two.map(referenceText));
  });
});

describe('authors as APA writes them', () => {
  const cases: [string, string][] = [
    ['Budi Santoso', 'Santoso, B.'],
    ['Sukarno', 'Sukarno'],
    ['Sri Mulyani Indrawati', 'Indrawati, S. M.'],
    ['Santoso, B.', 'Santoso, B.'],
    ['Santoso, Budi', 'Santoso, Budi'],
    ['Budi Santoso, Dewi Lestari', 'Santoso, B., & Lestari, D.'],
    ['Budi Santoso & Sukarno', 'Santoso, B., & Sukarno'],
    ['Dr. Budi Santoso, M.Pd.', 'Santoso, B.'],
    ['Hj. Siti Aminah, S.Pd. dan Drs. Ahmad Dahlan', 'Aminah, S., & Dahlan, A.'],
    ['B. J. Habibie', 'Habibie, B. J.'],
    ['H. G. Wells', 'Wells, H. G.'],
    ['Jean-Paul Sartre', 'Sartre, J.-P.'],
    ['Martin Luther King Jr.', 'King, M. L., Jr.'],
    ['Dinas Pendidikan Kota Bandung', 'Dinas Pendidikan Kota Bandung'],
    ['Universitas Terbuka', 'Universitas Terbuka'],
    ['BBC Bitesize Team', 'BBC Bitesize Team'],
  ];
  for (const [byline, expected] of cases) {
    it(`"${byline}" → "${expected}"`, () => {
      expect(apaAuthor(byline, 'Ruang Guru Kita')).toBe(expected);
    });
  }

  it('no byline, no author; a byline that is the site name is kept as written', () => {
    expect(apaAuthor(null, 'Kompas')).toBeNull();
    expect(apaAuthor('   ', 'Kompas')).toBeNull();
    expect(apaAuthor('Ruang Guru Kita', 'ruang guru kita')).toBe('Ruang Guru Kita');
  });

  it('more than twenty authors: the first nineteen, an ellipsis, the last', () => {
    const names = Array.from({ length: 22 }, (_, index) => `Guru Nomor${String.fromCharCode(65 + index)}`);
    const author = apaAuthor(names.join(', '), null);
    expect(author?.startsWith('NomorA, G., NomorB, G.,')).toBe(true);
    expect(author?.endsWith('NomorS, G., . . . NomorV, G.')).toBe(true);
  });
});

describe('publication dates as pages write them', () => {
  const cases: [string, string, string][] = [
    ['2025-09-02T08:00:00+08:00', '2025, 2 September', '2025, September 2'],
    // The date as published, not moved to another day by the time zone.
    ['2025-09-02T23:30:00-05:00', '2025, 2 September', '2025, September 2'],
    ['2024-03', '2024, Maret', '2024, March'],
    ['2 Agustus 2023', '2023, 2 Agustus', '2023, August 2'],
    ['March 3, 2024', '2024, 3 Maret', '2024, March 3'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024, 5 Maret', '2024, March 5'],
    ['03/04/2024', '2024', '2024'],
    ['', 't.t.', 'n.d.'],
  ];
  for (const [written, id, en] of cases) {
    it(`"${written}" → (${id}) / (${en})`, () => {
      const date = parsePublicationDate(written);
      expect(formatApaDate(date, 'id')).toBe(id);
      expect(formatApaDate(date, 'en')).toBe(en);
    });
  }

  it('an impossible day is dropped, not moved to another day', () => {
    expect(parsePublicationDate('2024-02-30')).toEqual({ year: 2024 });
    expect(parsePublicationDate('31 Juni 2024')).toEqual({ year: 2024, month: 6 });
  });
});
