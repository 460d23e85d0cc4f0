/**
 * `npm run report -- actions|reviews [--trend] [--json] [--fail-on-overdue] [--now DATE] [--content DIR]`
 *
 * Prints the follow-up reports of the /actions/ page in a terminal. Exit codes: 0 fine,
 * 1 something is overdue and --fail-on-overdue was given, 2 bad usage or invalid content.
 */
import { resolve } from 'node:path';
import { loadCorpus } from '../src/lib/content-files.ts';
import { parseDateOrTimestamp, toCalendarDate } from '../src/lib/dates.ts';
import {
  formatActionsReport,
  formatBacklogTrend,
  formatReviewsReport,
  getActionsReport,
  getReviewsReport,
} from '../src/lib/report.ts';
import { getBacklogTrend } from '../src/lib/stats/backlog.ts';
import { getActionStats, getReviewStats } from '../src/lib/stats/follow-through.ts';
import { getSettings } from '../src/settings.ts';
import { contentRoot, now, parseFlags, runCli, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run report -- <actions|reviews> [options]

  actions            open action items by owner, overdue first
  reviews            reviews not published N business days after resolution

Options:
  --trend            actions only: the backlog month by month (opened, closed,
                     open and overdue at month end) and the median age of open items
  --json             print JSON instead of a table
  --fail-on-overdue  exit with status 1 when anything is overdue
  --now DATE         report as of DATE (YYYY-MM-DD or ISO timestamp; default: now, or HINDSIGHT_NOW)
  --content DIR      content root (default: HINDSIGHT_CONTENT or src/content)
  -h, --help         show this help
`;

await runCli(() => {
  const { values, positionals } = parseFlags(
    {
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        trend: { type: 'boolean', default: false },
        'fail-on-overdue': { type: 'boolean', default: false },
        now: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    'npm run report',
  );
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [kind, ...extra] = positionals;
  if ((kind !== 'actions' && kind !== 'reviews') || extra.length > 0)
    throw new UsageError(`name one report, actions or reviews\n\n${USAGE}`);
  if (values.trend && kind !== 'actions') throw new UsageError(`--trend goes with actions only\n\n${USAGE}`);

  const asOf = values.now ? parseDateOrTimestamp(values.now) : now();
  if (Number.isNaN(asOf.getTime()))
    throw new UsageError(`--now: "${values.now}" is not a date (expected YYYY-MM-DD or an ISO timestamp)`);
  const today = toCalendarDate(asOf);
  const corpus = loadCorpus(values.content ? resolve(values.content) : contentRoot(), getSettings().drafts);

  let overdue: number;
  let noun: string;
  if (kind === 'actions' && values.trend) {
    const trend = getBacklogTrend(corpus.incidents, today);
    process.stdout.write(
      values.json ? `${JSON.stringify({ today, ...trend }, null, 2)}\n` : formatBacklogTrend(trend, today),
    );
    [overdue, noun] = [trend.months.at(-1)?.overdueAtEnd ?? 0, 'action items are'];
  } else if (kind === 'actions') {
    const report = getActionsReport(getActionStats(corpus.incidents, today), today);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatActionsReport(report));
    [overdue, noun] = [report.overdue, report.overdue === 1 ? 'action item is' : 'action items are'];
  } else {
    const report = getReviewsReport(
      getReviewStats(corpus.incidents, today, corpus.config.reviewDueBusinessDays),
      today,
    );
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReviewsReport(report));
    [overdue, noun] = [report.overdue, report.overdue === 1 ? 'review is' : 'reviews are'];
  }
  if (values['fail-on-overdue'] && overdue > 0) {
    process.stderr.write(`${overdue} ${noun} overdue (--fail-on-overdue).\n`);
    return 1;
  }
  return 0;
}, 2);
