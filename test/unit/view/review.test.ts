import { describe, expect, test } from 'vitest';
import { getLessonLists, getReviewView } from '../../../src/lib/view/review.ts';
import { mockIncidents } from '../mock-incidents.ts';

const lessons = { wentWell: ['Paging worked'], wentWrong: [], gotLucky: ['Low traffic'] };

describe('getLessonLists', () => {
  test('keeps non-empty lists in page order', () => {
    expect(getLessonLists(lessons, new Set()).map((l) => l.title)).toEqual(['What went well', 'Where we got lucky']);
  });
  test('leaves out a list the narrative shows under its own heading', () => {
    expect(getLessonLists(lessons, new Set(['wentWell'])).map((l) => l.key)).toEqual(['gotLucky']);
  });
  test('a review without lessons has none', () => {
    expect(getLessonLists(undefined, new Set())).toEqual([]);
  });
});

describe('getReviewView', () => {
  const [a, b, c] = mockIncidents([{ id: 'a', lessons }, { id: 'b' }, { id: 'c' }]);
  const incidentById = new Map([a!, b!, c!].map((i) => [i.id, i]));
  const input = {
    incident: a!,
    headings: [{ depth: 2, slug: 'what-went-well', text: 'What went well' }],
    related: new Map([['a', ['b', 'gone']]]),
    suggestions: new Map([['a', [{ id: 'c', score: 3, reasons: ['shares #dns'] }]]]),
    incidentById,
  };

  test('places narrative headings and drops their lessons block', () => {
    const view = getReviewView(input);
    expect([...view.placed]).toEqual([['what-went-well', 'wentWell']]);
    expect(view.lessons.map((l) => l.key)).toEqual(['gotLucky']);
  });

  test('resolves linked and suggested reviews, skipping ids not in the build', () => {
    const view = getReviewView(input);
    expect(view.related.map((i) => i.id)).toEqual(['b']);
    expect(view.suggested.map((s) => [s.incident.id, s.suggestion.reasons])).toEqual([['c', ['shares #dns']]]);
  });

  test('asks for the Mermaid loader only when the rendered narrative has a browser-drawn diagram', () => {
    expect(getReviewView(input).needsMermaidLoader).toBe(false);
    const withDiagram = { ...a!, rendered: { html: '<pre class="mermaid">pie</pre>' } };
    expect(
      getReviewView({
        incident: withDiagram,
        headings: [],
        related: new Map(),
        suggestions: new Map(),
        incidentById: new Map(),
      }).needsMermaidLoader,
    ).toBe(true);
  });

  test('cuts a Markdown-path narrative where its placed lists go, and leaves an MDX one to Content', () => {
    expect(getReviewView(input).narrative).toBeUndefined(); // no rendered HTML: an MDX review
    const markdownPath = {
      ...a!,
      rendered: { html: '<h2 id="what-went-well">What went well</h2><p>Story.</p>' },
    };
    expect(getReviewView({ ...input, incident: markdownPath }).narrative).toEqual([
      { html: '<h2 id="what-went-well">What went well</h2>' },
      { section: 'wentWell' },
      { html: '<p>Story.</p>' },
    ]);
    expect(getReviewView({ ...input, incident: markdownPath, headings: [] }).narrative).toBeUndefined();
  });
});
