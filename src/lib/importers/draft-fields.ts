/**
 * Title and severity for a new draft from what the source gives when it has no field for them:
 * a Slack channel's name, a "Declaring SEV2" message, a PagerDuty incident summary. Then, in a
 * terminal, questions for whatever is still missing (scripts keep the clear error of createDraft).
 */
import { askUntilValid, type PromptIO } from '../scaffold-prompts.ts';
import { parseTimestampInput } from '../timestamps.ts';
import type { ImportResult } from './types.ts';

/** `inc-2291-search` → `Incident 2291: search`; `db-outage` → `Db outage`. */
export function titleFromChannel(name: string): string {
  const words = name
    .replace(/^#/, '')
    .split(/[-_.\s]+/)
    .filter(Boolean);
  const incident = /^inc(?:ident)?$/i.test(words[0] ?? '');
  const rest = incident ? words.slice(1) : words;
  const number = incident && /^\d+$/.test(rest[0] ?? '') ? rest.shift() : undefined;
  const text = rest.join(' ');
  if (incident) return `Incident${number ? ` ${number}` : ''}${text ? `: ${text}` : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Severity: SEV2`, `severity 2`, `Declaring SEV2`, `sev-1`: a mention of a level. */
const MENTION = /\bseverity\s*[:=]?\s*([a-z]*[\s-]?\d+|[a-z][\w-]*)|\bsev[\s-]?(\d+)\b/gi;

/** The configured level first mentioned in `texts`, with the words that mention it. */
export function findSeverityMention(
  texts: readonly string[],
  severities: readonly string[],
): { level: string; mention: string } | undefined {
  const byName = new Map(severities.map((s) => [s.toLowerCase().replace(/[\s-]/g, ''), s]));
  for (const text of texts) {
    for (const match of text.matchAll(MENTION)) {
      const said = (match[1] ?? `sev${match[2]}`).toLowerCase().replace(/[\s-]/g, '');
      const level = byName.get(said) ?? byName.get(`sev${said}`);
      if (level) return { level, mention: match[0] };
    }
  }
  return undefined;
}

/** What the source offers beyond its fields. */
export interface SourceHints {
  /** The Slack channel name, for a title. */
  channel?: string;
  /** Texts that may mention a severity, first to last (topic, messages, summary). */
  texts?: readonly string[];
}

/** `result` with a title and severity taken from the hints where the fields had none, each noted. */
export function fillFromSource(result: ImportResult, hints: SourceHints, severities: readonly string[]): ImportResult {
  const fields = { ...result.fields };
  const notes = [...result.notes];
  if (!fields.title && hints.channel) {
    fields.title = titleFromChannel(hints.channel);
    notes.push(`the title was made from the channel name #${hints.channel}; make it say what users saw`);
  }
  if (!fields.severity && hints.texts) {
    const found = findSeverityMention(hints.texts, severities);
    if (found) {
      fields.severity = found.level;
      notes.push(`severity ${found.level} was taken from the words "${found.mention}" in the input; check it`);
    }
  }
  return { ...result, fields, notes };
}

/** What a draft still lacks after flags and the source. */
export interface MissingFields {
  title: boolean;
  severity: boolean;
  started: boolean;
}

/** Asks for each missing field (re-asking after a wrong answer). */
export async function askForMissing(
  missing: MissingFields,
  catalog: { severities: readonly string[] },
  io: PromptIO,
  now: Date,
): Promise<{ title?: string; severity?: string; started?: Date }> {
  const answers: { title?: string; severity?: string; started?: Date } = {};
  if (missing.title) {
    answers.title = await askUntilValid(io, 'Title (one line, what users saw): ', (a) =>
      a
        ? a.length <= 200
          ? { value: a }
          : { problem: `${a.length} characters; at most 200` }
        : { problem: 'a title is required' },
    );
  }
  if (missing.severity) {
    answers.severity = await askUntilValid(
      io,
      `Severity (${catalog.severities.join(', ')}; ${catalog.severities[0]} is the worst): `,
      (a) => {
        const level = catalog.severities.find((s) => s.toLowerCase() === a.toLowerCase());
        return level ? { value: level } : { problem: `expected one of ${catalog.severities.join(', ')}` };
      },
    );
  }
  if (missing.started) {
    answers.started = await askUntilValid(
      io,
      'Impact started (e.g. 2026-11-20T14:02Z or 2026-11-20 16:02+02:00): ',
      (a) => {
        const result = parseTimestampInput(a, now);
        return result.ok ? { value: result.date } : { problem: result.message };
      },
    );
  }
  return answers;
}
