// The lead as the page prints it (lead-paragraph.ts): found whatever white space stands between its words, past
// earlier texts that share its first word, and not when it stands in a linked block or navigation, or is not printed.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { leadBlock, leadStart, pageDescription } from '../../extension/clip/extract/lead-paragraph';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const corpus = resolve(import.meta.dirname, '../fixtures/readability-pages');
const vendored = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const DESCRIPTION =
  'The first ferry between Kangean and Sapudi left the harbour on Monday, after three weeks of storms.';

function leadIn(body: string): string | null {
  const page = parsePage(
    `<html><head><meta property="og:description" content="${DESCRIPTION}"></head><body>${body}</body></html>`,
    'https://post.example.id/2024/06/ferry',
  );
  try {
    const description = pageDescription(page.document);
    expect(description).toBe(DESCRIPTION);
    return leadBlock(page.document, description ?? '')?.textContent ?? null;
  } finally {
    page.close();
  }
}

describe('the lead block', () => {
  it('is found with line breaks and runs of spaces between its words, past texts that share its first word', () => {
    const printed =
      'The  first\n   ferry between\tKangean and Sapudi left the harbour on Monday, after three weeks of storms.';
    const lead = leadIn(
      `<p>The first boat of the year</p><p>The first ferry left</p><div><p class="lead">${printed}</p></div>`,
    );
    expect(lead).toBe(printed);
  });

  it('is not taken from a linked block (a teaser), from navigation, or from a page that does not print it', () => {
    expect(leadIn(`<a href="/ferry"><div>${DESCRIPTION}</div></a>`)).toBeNull();
    expect(leadIn(`<nav><p>${DESCRIPTION}</p></nav>`)).toBeNull();
    expect(leadIn('<p>The first ferry between two islands.</p>')).toBeNull();
  });

  it('is not found when its words stand in two texts, and is found in a later text that holds them all', () => {
    const split = 'The first <b>ferry</b> between Kangean and Sapudi left the harbour on Monday.';
    expect(leadIn(`<p>${split}</p>`)).toBeNull();
    const lead = leadIn(`<p>${split}</p><p>The first</p><p>${DESCRIPTION}</p>`);
    expect(lead).toBe(DESCRIPTION);
  });

  // The earlier search, which tried the pattern on every text of the body in turn: the texts passed over by length
  // must not hide a lead it found, nor find one it did not.
  it('tries its pattern where the first word stands in the body, not again in every text that holds the word', () => {
    const others = Array.from({ length: 200 }, (_, index) => `<p>The first boat number ${index}</p>`).join('');
    const tries = vi.spyOn(RegExp.prototype, 'test');
    try {
      expect(leadIn(`${others}<p>${DESCRIPTION}</p>`)).toBe(DESCRIPTION);
      // 201 places in the body's text where "The" stands, then the one text where the match begins (each text tried
      // in turn: 200 more).
      const sticky = tries.mock.contexts.filter((pattern) => (pattern as RegExp).sticky);
      expect(sticky.length).toBe(202);
    } finally {
      tries.mockRestore();
    }
  });

  const compared = { found: 0, none: 0 };
  function leadByEveryText(doc: Document, description: string): Element | null {
    const words = leadStart(description).split(' ');
    const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    if (!doc.body || !pattern.test(doc.body.textContent ?? '')) return null;
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!pattern.test(node.nodeValue ?? '')) continue;
      let block: Element | null = node.parentElement;
      const inBlock = new Set([
        'P',
        'DIV',
        'H2',
        'H3',
        'H4',
        'LI',
        'SECTION',
        'HEADER',
        'BLOCKQUOTE',
        'SPAN',
        'STRONG',
      ]);
      while (block && !inBlock.has(block.tagName.toUpperCase())) block = block.parentElement;
      const length = (block?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      if (!block || length > description.length * 1.5 + 100) return null;
      const outside = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'A', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT']);
      for (let up: Element | null = block; up; up = up.parentElement) {
        if (outside.has(up.tagName.toUpperCase())) return null;
      }
      return block;
    }
    return null;
  }

  it.each(vendored)(
    'finds the block the search of every text finds on vendored page %s, for descriptions taken from its texts',
    (name) => {
      const page = parsePage(
        readFileSync(resolve(corpus, name, 'source.html'), 'utf8'),
        'http://fakehost/test/page.html',
      );
      try {
        const body = page.document.body;
        if (!body) return;
        // Descriptions from up to 40 spread texts of the page (their first words, common words, words split by
        // markup, leads in links and scripts), and from the body's text across texts.
        const texts: string[] = [];
        const walker = page.document.createTreeWalker(body, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
          if (text.split(' ').length >= 3) texts.push(text);
        }
        const step = Math.max(1, Math.floor(texts.length / 40));
        const whole = (body.textContent ?? '').replace(/\s+/g, ' ').trim();
        const descriptions = [
          ...texts.filter((_, index) => index % step === 0),
          ...[0.1, 0.3, 0.5, 0.7].map((at) =>
            whole
              .slice(Math.floor(whole.length * at))
              .split(' ')
              .slice(1, 20)
              .join(' '),
          ),
          'The the the of of of',
        ];
        for (const description of descriptions) {
          const expected = leadByEveryText(page.document, description);
          expect(leadBlock(page.document, description)).toBe(expected);
          if (expected) compared.found++;
          else compared.none++;
        }
      } finally {
        page.close();
      }
    },
    30_000,
  );

  // Runs after the pages above (tests of a file run in order): both answers were compared many times.
  it('compared pages where a lead is found and where none is', () => {
    expect(compared.found).toBeGreaterThan(100);
    expect(compared.none).toBeGreaterThan(100);
  });
});
