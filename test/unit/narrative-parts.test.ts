import { describe, expect, test } from 'vitest';
import { splitAfterHeadings } from '../../src/lib/narrative-parts.ts';

const html =
  '<p>Intro.</p>\n<h2 id="what-went-well">What went well</h2>\n<p>Paging worked.</p>\n' +
  '<h2 id="contributing-factors">Contributing factors</h2>\n<p>More.</p>';

describe('splitAfterHeadings', () => {
  test('cuts after each placed heading, in document order whatever the map order', () => {
    const parts = splitAfterHeadings(
      html,
      new Map([
        ['contributing-factors', 'contributingFactors'],
        ['what-went-well', 'wentWell'],
      ]),
    );
    expect(parts).toEqual([
      { html: '<p>Intro.</p>\n<h2 id="what-went-well">What went well</h2>' },
      { section: 'wentWell' },
      { html: '\n<p>Paging worked.</p>\n<h2 id="contributing-factors">Contributing factors</h2>' },
      { section: 'contributingFactors' },
      { html: '\n<p>More.</p>' },
    ]);
    // Nothing of the narrative is lost or repeated.
    expect(parts.map((p) => ('html' in p ? p.html : '')).join('')).toBe(html);
  });

  test('a heading at the very end leaves no empty run after its list', () => {
    expect(splitAfterHeadings('<h2 id="x">X</h2>', new Map([['x', 'gotLucky']]))).toEqual([
      { html: '<h2 id="x">X</h2>' },
      { section: 'gotLucky' },
    ]);
  });

  test('matches the id exactly, with other attributes and markup inside the heading', () => {
    const parts = splitAfterHeadings(
      '<h2 id="what-went-well-2">Other</h2><h2 class="a" id="what-went-well"><em>What</em> went well</h2><p>b</p>',
      new Map([['what-went-well', 'wentWell']]),
    );
    expect(parts[0]).toEqual({
      html: '<h2 id="what-went-well-2">Other</h2><h2 class="a" id="what-went-well"><em>What</em> went well</h2>',
    });
  });

  test('ids with characters that mean something in a pattern or in HTML are matched literally', () => {
    const parts = splitAfterHeadings('<h2 id="a&amp;b.c">A &amp; b.c</h2>x', new Map([['a&b.c', 'wentWrong']]));
    expect(parts).toEqual([{ html: '<h2 id="a&amp;b.c">A &amp; b.c</h2>' }, { section: 'wentWrong' }, { html: 'x' }]);
  });

  test('a placed heading missing from the HTML fails loudly instead of dropping its list', () => {
    expect(() => splitAfterHeadings('<h3 id="x">X</h3>', new Map([['x', 'wentWell']]))).toThrow(/no <h2 id="x">/);
  });
});
