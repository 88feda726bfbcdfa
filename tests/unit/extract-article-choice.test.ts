// Issue 23: the article, and only the article — a short article is kept over a longer list of teasers, and
// boilerplate inside the article body is left out (fixtures: tests/fixtures/pages/extraction/).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages/extraction');

function extractFixture(name: string, url: string) {
  const page = parsePage(readFileSync(resolve(fixtures, name), 'utf8'), url);
  try {
    return extractArticle(page.document, url);
  } finally {
    page.close();
  }
}

describe('a short article beside a longer list of teasers', () => {
  const { text } = extractFixture('short-article.html', 'https://news.example.id/2024/03/12/school-reopens');

  it('keeps the short article', () => {
    expect(text).toContain('SD Negeri 3 Kediri opened its doors again on Monday');
    expect(text).toContain('Lessons will run in two shifts until the last rooms are repaired.');
  });

  it('leaves out the "latest news" list with its bylines and dates, and the footer', () => {
    expect(text).not.toMatch(/Latest news|Rice harvest beats forecast|By Budi Santoso|11 March 2024/);
    expect(text).not.toMatch(/Jalan Dhoho|All rights reserved/);
  });
});

describe('boilerplate inside a news article', () => {
  const url = 'https://news.example.id/2024/03/12/volunteers-clear-mud';
  const { text } = extractFixture('news-furniture.html', url);

  it('keeps every paragraph of the story and its captions', () => {
    expect(text).toContain('More than two hundred volunteers arrived in Kediri on Saturday');
    expect(text).toContain('The head of the office, Hendra Gunawan, said the schools hoped to reopen');
    expect(text).toContain('Teachers dry textbooks in the school yard.');
    expect(text).toContain('before the new school year begins in July');
  });

  it('leaves out the header furniture: sign-in links, the breaking-news bar, the page address and title, the updated stamp', () => {
    expect(text).not.toMatch(/Sign in|Register/);
    expect(text).not.toContain('Volcano alert');
    expect(text).not.toContain(url);
    expect(text).not.toContain('| Kediri Daily');
    expect(text).not.toContain('Updated 3:45 PM');
  });

  it('leaves out the hover card glued to a linked name', () => {
    expect(text).not.toContain('since 2021');
  });

  it('leaves out the byline, the slideshow counter, the photo credit, the address and the copyright line', () => {
    expect(text).not.toContain('By Sari Wulandari');
    expect(text).not.toContain('1 of 3');
    expect(text).not.toContain('Photo: Kediri Daily');
    expect(text).not.toContain('Jalan Dhoho');
    expect(text).not.toContain('All rights reserved');
  });
});

describe('notices on a blog page clipped in the browser', () => {
  const { text } = extractFixture('blog-notices.html', 'https://guru.example.id/alat-peraga-kardus');

  it('keeps the post', () => {
    expect(text).toContain('Alat peraga tidak harus mahal.');
    expect(text).toContain('Setelah kering, ajak murid menyusun planet');
  });

  it('leaves out "Iklan" labels, the "Filed under" line and the affiliate notice', () => {
    expect(text).not.toMatch(/^Iklan$/m);
    expect(text).not.toContain('Filed under');
    expect(text).not.toContain('affiliate links');
  });
});

describe("a blog post followed by teasers for the blog's other posts", () => {
  const { text } = extractFixture('blog-teasers.html', 'https://guru.example.id/2021/06/cabai-di-pot');

  it('keeps the post', () => {
    expect(text).toContain('Proyek menanam cabai di pot mengajarkan murid kelas 4');
    expect(text).toContain('untuk dipajang di dinding kelas.');
  });

  it("leaves out the post's meta line: date, author and comment count", () => {
    expect(text).not.toContain('Rina Kartika');
    expect(text).not.toContain('0 KOMENTAR');
  });

  it('leaves out teasers ending in "Baca selengkapnya" or "[…]", and the "load more" prompt', () => {
    expect(text).not.toContain('Musim hujan sudah tiba');
    expect(text).not.toContain('Bermain peran di kelas');
    expect(text).not.toContain('Muat lebih banyak');
  });
});

describe("a news story with the site's own notices around it", () => {
  const { text } = extractFixture('news-site-notices.html', 'https://news.example.id/2024/05/floating-library');

  it('keeps the story', () => {
    expect(text).toContain('A boat carrying two thousand books reached the schools of the Kangean islands');
    expect(text).toContain('reading hours have already doubled');
  });

  it('keeps the dateline naming the reporter: a date and a name alone do not make a meta line', () => {
    expect(text).toContain('Sumenep, 14.05.2024 - Report by Ahmad Fauzi from the port of Kalianget');
  });

  it('leaves out the account state, the contents label, the subscription prompt, the copyright notice and the links back', () => {
    expect(text).not.toContain('You are not logged in');
    expect(text).not.toMatch(/^Contents$/m);
    expect(text).not.toContain('Subscribe now');
    expect(text).not.toContain('copyrighted property');
    expect(text).not.toContain('Back to the news overview');
    expect(text).not.toMatch(/^Back$/m);
  });

  it('leaves out a "Learn more:" link to another story and the state of the comments', () => {
    expect(text).not.toContain('How readers filled a boat with books');
    expect(text).not.toContain('No comments yet');
  });
});

describe('a story with cross-references to other stories and the site’s own promotions inside it', () => {
  const { text } = extractFixture('news-cross-references.html', 'https://valle.example.gt/2024/puente-soloma');

  it('keeps the story, also a sentence that starts with a name that is a label elsewhere ("Mira Castillo, …")', () => {
    expect(text).toContain('El puente colgante de Soloma volvió a abrirse el lunes');
    expect(text).toContain('Mira Castillo, maestra de la escuela rural');
    expect(text).toContain('respeten el límite de peso escrito en la entrada del puente.');
  });

  it('leaves out "Lea también:", "MIRA:", "Veja também:" and "Auch lesen:" lines', () => {
    expect(text).not.toMatch(/Lea también|Así quedó el mercado|Veja também|Auch lesen/);
  });

  it('leaves out "follow us", membership and newsletter prompts', () => {
    expect(text).not.toMatch(/on Twitter|HAZTE MIEMBRO|Never miss|Verpasse keine/);
  });
});

describe('a short notice that Readability.js takes for the article, beside the report itself', () => {
  const { text } = extractFixture('short-notice-beside-article.html', 'https://points.example.com/news/turboprop');

  it('keeps the report, where the page’s prose is dense', () => {
    expect(text).toContain('Part 1 of the report');
    expect(text).toContain('Part 10 of the report');
  });

  it('leaves out the disclosure notice', () => {
    expect(text).not.toContain('Advertiser Disclosure');
    expect(text).not.toContain('Editorial Note');
  });
});

describe('a lead printed above the article’s container, as the page describes itself', () => {
  const { text } = extractFixture('lead-above-article.html', 'https://post.example.id/2024/06/ferry');

  it('keeps the lead, before the story', () => {
    const lead = text.indexOf('The first ferry between Kangean and Sapudi left the harbour on Monday');
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThan(text.indexOf('Paragraph 1 of the story'));
    expect(text).toContain('Paragraph 6 of the story');
  });

  it('leaves out the navigation and the footer', () => {
    expect(text).not.toMatch(/Jalan Pelabuhan|\bNews\b/);
  });
});

describe('photo credits printed beside the pictures or at the end of their captions, and an agency sign-off', () => {
  const { text } = extractFixture('news-photo-credits.html', 'https://coast.example.id/2024/05/mangroves');

  it('keeps the story and its captions, a slash in them too', () => {
    expect(text).toContain('Three hundred pupils from five primary schools planted mangrove seedlings');
    expect(text).toContain('Pupils of SD Negeri 4 carry seedlings to the shore.');
    expect(text).toContain('Grade 4/5 pupils check the rows they planted.');
    expect(text).toContain('where the school and/or the village will look after the young trees');
    expect(text).toContain('Boats carry the seedlings to the islands.');
    expect(text).toContain('The mayor planted the last seedling on Friday afternoon.');
    expect(text).toContain('Pupils wash their boots after the planting');
    // A source at the end of a paragraph of prose is the text's own.
    expect(text).toContain('(Sumber: Dinas Lingkungan Hidup).');
  });

  it('leaves out a credit at the end of a caption, and keeps the caption', () => {
    expect(text).not.toContain('Sumber foto');
    expect(text).not.toContain('Agus Salim');
    expect(text).not.toContain('Wahyu Putro');
    expect(text).not.toContain('Dewi Lestari');
  });

  it('leaves out "Name/Agency" under a figure, a credit in brackets with ©, "Crédits photos" and the sign-off', () => {
    expect(text).not.toContain('Rina Putri/Coast News');
    expect(text).not.toContain('Didik Suhartono');
    expect(text).not.toContain('Crédits photos');
    expect(text).not.toContain('rpu/ANTARA');
  });
});
