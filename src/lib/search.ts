/**
 * Search facets: what each review contributes to Pagefind's filters and sorts, and how a
 * search (query, filters, sort) is written in the URL so it can be shared.
 *
 * The index stores readable labels ("Checkout API", "Customer report") because Pagefind's
 * filter UI shows the stored value. URLs use stable ids (`service=checkout-api`), so a
 * renamed service does not break a bookmarked search; the vocabulary maps between the two.
 */
import type { DetectionMethod, ReviewKind, Status } from '../schemas/incident.ts';
import { DETECTION_LABELS, KIND_LABELS, STATUS_LABELS } from './labels.ts';

/** The filters a reader can narrow a search by, in the order the UI shows them. */
export const FILTER_KEYS = ['severity', 'status', 'service', 'tag', 'year', 'detection', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Button text of each filter. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  severity: 'Severity',
  status: 'Status',
  service: 'Service',
  tag: 'Tag',
  year: 'Year',
  detection: 'Detected by',
  kind: 'Kind',
};

/** Result orders. `date` and `severity` are Pagefind sort keys every indexed review carries. */
export const SORTS = {
  relevance: { label: 'Best match', sort: {} },
  newest: { label: 'Newest first', sort: { date: 'desc' } },
  oldest: { label: 'Oldest first', sort: { date: 'asc' } },
  severity: { label: 'Most severe first', sort: { severity: 'asc' } },
} as const satisfies Record<string, { label: string; sort: Record<string, 'asc' | 'desc'> }>;
export type SortId = keyof typeof SORTS;
/** The best match first; newest first only when asked (issue 18). */
export const DEFAULT_SORT: SortId = 'relevance';

const isSortId = (value: string | null): value is SortId => value !== null && Object.hasOwn(SORTS, value);

/** For each filter, URL id → the label stored in the index. */
export type FilterVocabulary = Record<FilterKey, Record<string, string>>;

/** Selected filter labels per key; a review matches any selected value of a key, and every key with a selection. */
export type FilterSelection = Partial<Record<FilterKey, string[]>>;

/** A search as the UI holds it. */
export interface SearchState {
  term: string;
  filters: FilterSelection;
  sort: SortId;
}

/** What one review contributes to the facets. */
export interface FacetSource {
  /** Absent for a near miss without one. */
  severity?: string | undefined;
  kind: ReviewKind;
  status: Status;
  services: readonly string[];
  tags: readonly string[];
  started: Date;
  detection?: { method: DetectionMethod } | undefined;
}

/** The filter labels of one review; `serviceName` turns a service id into its display name. */
export function getSearchFacets(data: FacetSource, serviceName: (id: string) => string): Record<FilterKey, string[]> {
  return {
    severity: data.severity === undefined ? [] : [data.severity],
    status: [STATUS_LABELS[data.status]],
    service: data.services.map(serviceName),
    tag: [...data.tags],
    year: [String(data.started.getUTCFullYear())],
    detection: data.detection ? [DETECTION_LABELS[data.detection.method]] : [],
    kind: [KIND_LABELS[data.kind]],
  };
}

/** The id↔label vocabulary of a site's filters. */
export function getSearchVocabulary(site: {
  severities: readonly string[];
  services: readonly { id: string; name: string }[];
  tags: readonly string[];
  years: readonly string[];
}): FilterVocabulary {
  const same = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
  return {
    severity: Object.fromEntries(site.severities.map((level) => [level.toLowerCase(), level])),
    status: { ...STATUS_LABELS },
    service: Object.fromEntries(site.services.map((s) => [s.id, s.name])),
    tag: same(site.tags),
    year: same(site.years),
    detection: { ...DETECTION_LABELS },
    kind: { ...KIND_LABELS },
  };
}

/** The label a URL value stands for: an id, or a label itself (links from the header search). */
function toLabel(known: Record<string, string>, value: string): string | undefined {
  if (Object.hasOwn(known, value)) return known[value];
  const lower = value.toLowerCase();
  const labels = Object.values(known);
  return labels.find((label) => label === value) ?? labels.find((label) => label.toLowerCase() === lower);
}

/** Reads `?q=dns&tag=config-change&severity=sev1&severity=sev2&sort=oldest`; unknown filter values are dropped. */
export function parseSearchParams(params: URLSearchParams, vocabulary: FilterVocabulary): SearchState {
  const filters: FilterSelection = {};
  for (const key of FILTER_KEYS) {
    const labels = [...new Set(params.getAll(key).flatMap((value) => toLabel(vocabulary[key], value.trim()) ?? []))];
    if (labels.length > 0) filters[key] = labels;
  }
  const sort = params.get('sort');
  return { term: (params.get('q') ?? '').trim(), filters, sort: isSortId(sort) ? sort : DEFAULT_SORT };
}

/**
 * Writes a search as URL parameters: ids where the vocabulary knows the label, the label
 * otherwise (the header search has no vocabulary); the default sort is left out.
 */
export function toSearchParams(state: Partial<SearchState>, vocabulary?: FilterVocabulary): URLSearchParams {
  const params = new URLSearchParams();
  const term = state.term?.trim();
  if (term) params.set('q', term);
  for (const key of FILTER_KEYS) {
    const idOf = new Map(Object.entries(vocabulary?.[key] ?? {}).map(([id, label]) => [label, id]));
    for (const label of state.filters?.[key] ?? []) params.append(key, idOf.get(label) ?? label);
  }
  if (state.sort && state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  return params;
}
