// The lead as the page prints it (lead-paragraph.ts): found whatever white space stands between its words, past
// earlier texts that share its first word, and not when it stands in a linked block or navigation, or is not printed.
import { describe, expect, it } from 'vitest';
import { leadBlock, pageDescription } from '../../extension/clip/extract/lead-paragraph';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

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
});
