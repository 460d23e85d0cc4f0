import type { ActionItem, TimelineKind } from '../../schemas/incident.ts';

/** A timeline entry found by an importer (the instant as a `Date`; written in UTC). */
export interface ImportedEntry {
  at: Date;
  event: string;
  kind: TimelineKind;
  actor?: string;
  link?: string;
}

/** Frontmatter facts an importer found; everything is optional, the CLI fills gaps from flags. */
export interface ImportedFields {
  title?: string;
  summary?: string;
  severity?: string;
  started?: Date;
  detected?: Date;
  mitigated?: Date;
  resolved?: Date;
  authors?: string[];
  impact?: { description: string };
  detection?: { method: 'alert' | 'customer-report' | 'employee-report' | 'synthetic' | 'other'; source?: string };
  trigger?: string;
  contributingFactors?: { description: string }[];
  actionItems?: ActionItem[];
  lessons?: { wentWell: string[]; wentWrong: string[]; gotLucky: string[] };
}

/** What an importer returns: facts, timeline, the MDX-safe body of what it could not map, and a report. */
export interface ImportResult {
  fields: ImportedFields;
  timeline: ImportedEntry[];
  /** MDX (already escaped) holding everything that did not map to a field. */
  body: string;
  /** One line each: what was assumed, skipped or kept in the body. */
  notes: string[];
}

/** A problem with the input (unreadable file, wrong shape); the message names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}
