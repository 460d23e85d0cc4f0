/** What the related-incident scorer needs to know about a review. */
export interface RelatedInput {
  id: string;
  services: readonly string[];
  tags: readonly string[];
  categories: readonly string[];
  /** Narrative and summary text, for TF-IDF similarity. */
  text: string;
}

/** A suggested related incident with the reasons it was suggested. */
export interface Suggestion {
  id: string;
  score: number;
  reasons: string[];
}

const STOPWORDS = new Set(
  'the and for that with this from was were are but not had has have its into our their they them then than when what which while who will would could should about after again also because been before being both each more most other over same some such there these those through under until very where your just only can did does all any out one two new per via how why'.split(
    ' ',
  ),
);
/** Terms kept per review: enough to compare topics, few enough to stay fast at 10,000 reviews. */
const TERMS_PER_DOC = 24;
const WEIGHTS = { service: 3, tag: 2, category: 1, text: 6 };
/** Below this a suggestion is noise, not a relation. */
const MIN_SCORE = 2;

/** Lowercase words of three letters or more, without stopwords. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).filter((w) => !STOPWORDS.has(w));
}

/** The top TF-IDF terms of each document, as unit-length sparse vectors. */
export function tfidfVectors(docs: readonly string[][]): Map<string, number>[] {
  const documentFrequency = new Map<string, number>();
  for (const doc of docs)
    for (const term of new Set(doc)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return docs.map((doc) => {
    const counts = new Map<string, number>();
    for (const term of doc) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weighted = [...counts]
      .map(
        ([term, count]) => [term, (count / doc.length) * Math.log(docs.length / documentFrequency.get(term)!)] as const,
      )
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TERMS_PER_DOC);
    const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1;
    return new Map(weighted.map(([term, w]) => [term, w / norm]));
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0;
  for (const [term, w] of a) sum += w * (b.get(term) ?? 0);
  return sum;
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x, i) => b.includes(x) && a.indexOf(x) === i);

/**
 * Keys shared by more reviews than this are skipped when gathering candidates: a service or word
 * in hundreds of reviews says little about any pair, and walking its list for every review made
 * the suggestions quadratic (141 s at 5,000 reviews). Candidates are still scored on everything.
 */
const MAX_POSTING = 250;
/** Candidates kept per review for full scoring, as a multiple of `limit`. */
const CANDIDATE_FACTOR = 4;

/**
 * Up to `limit` suggested related incidents for every review, best first, each with its reasons
 * ("same service: edge-dns", "both tagged config-change", "similar wording: resolver, canary").
 * Candidates come from an inverted index over services, tags, factor categories and top terms,
 * ranked by a cheap partial score; the best few are then scored exactly.
 */
export function suggestRelated(items: readonly RelatedInput[], limit = 5): Map<string, Suggestion[]> {
  const vectors = tfidfVectors(items.map((i) => tokenize(i.text)));
  const postings = new Map<string, { index: number; weight: number }[]>();
  const keysOf = (item: RelatedInput, index: number) => [
    ...[...new Set(item.services)].map((s) => ({ key: `s:${s}`, weight: WEIGHTS.service })),
    ...[...new Set(item.tags)].map((t) => ({ key: `t:${t}`, weight: WEIGHTS.tag })),
    ...[...new Set(item.categories)].map((c) => ({ key: `c:${c}`, weight: WEIGHTS.category })),
    ...[...vectors[index]!].map(([term, w]) => ({ key: `w:${term}`, weight: w })),
  ];
  const itemKeys = items.map(keysOf);
  itemKeys.forEach((keys, index) => {
    for (const { key, weight } of keys) {
      const list = postings.get(key);
      if (list) list.push({ index, weight });
      else postings.set(key, [{ index, weight }]);
    }
  });

  const result = new Map<string, Suggestion[]>();
  items.forEach((item, index) => {
    // Partial scores from the discriminating keys only.
    const partial = new Map<number, number>();
    for (const { key, weight } of itemKeys[index]!) {
      const list = postings.get(key)!;
      if (list.length > MAX_POSTING) continue;
      const isTerm = key.startsWith('w:');
      for (const other of list) {
        if (other.index === index) continue;
        partial.set(
          other.index,
          (partial.get(other.index) ?? 0) + (isTerm ? WEIGHTS.text * weight * other.weight : weight),
        );
      }
    }
    const candidates = [...partial]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit * CANDIDATE_FACTOR)
      .map(([i]) => i);
    const suggestions: Suggestion[] = [];
    for (const otherIndex of candidates) {
      const other = items[otherIndex]!;
      const services = shared(item.services, other.services);
      const tags = shared(item.tags, other.tags);
      const categories = shared(item.categories, other.categories);
      const similarity = cosine(vectors[index]!, vectors[otherIndex]!);
      const score =
        WEIGHTS.service * services.length +
        WEIGHTS.tag * tags.length +
        WEIGHTS.category * categories.length +
        WEIGHTS.text * similarity;
      if (score < MIN_SCORE) continue;
      const reasons = [
        ...(services.length ? [`same service: ${services.join(', ')}`] : []),
        ...(tags.length ? [`both tagged ${tags.join(', ')}`] : []),
        ...(categories.length ? [`shared factors: ${categories.join(', ')}`] : []),
      ];
      if (similarity >= 0.15) {
        const words = [...vectors[index]!.keys()].filter((w) => vectors[otherIndex]!.has(w)).slice(0, 3);
        reasons.push(`similar wording: ${words.join(', ')}`);
      }
      suggestions.push({ id: other.id, score: Math.round(score * 100) / 100, reasons });
    }
    suggestions.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    result.set(item.id, suggestions.slice(0, limit));
  });
  return result;
}
