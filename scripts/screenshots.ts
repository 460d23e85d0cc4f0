/**
 * Screenshots of built pages in light and dark, narrow and wide, for looking at what we ship.
 *   node scripts/screenshots.ts --base http://127.0.0.1:4321 --out /tmp/shots [--full | --element CSS] /incidents/ /glossary/
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_LAUNCH } from './lib/chromium.ts';
import { parseTopLevelFlags } from './lib/cli.ts';

const HELP = `Usage: npm run screenshots -- [options] [/path/ …]

Screenshots of built pages (default: /) in light and dark, 390 and 1280 px wide, as PNG files.
Serve the site first, e.g. node scripts/serve.ts --dir dist --port 4321 &

Options:
  --base URL       the served site (default: http://127.0.0.1:4321)
  --out DIR        where the PNG files go (default: screenshots)
  --full           the whole page, not the first screen
  --element CSS    only the first element matching this selector
  -h, --help       show this help`;

const { values, positionals } = parseTopLevelFlags(
  {
    allowPositionals: true,
    options: {
      base: { type: 'string', default: 'http://127.0.0.1:4321' },
      out: { type: 'string', default: 'screenshots' },
      full: { type: 'boolean', default: false },
      element: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  'npm run screenshots',
  HELP,
);

const browser = await chromium.launch(CHROMIUM_LAUNCH);
mkdirSync(values.out, { recursive: true });
for (const path of positionals.length ? positionals : ['/']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage({ colorScheme, viewport: { width, height: 900 } });
      await page.goto(values.base + path, { waitUntil: 'networkidle' });
      const name = `${path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home'}-${colorScheme}-${width}.png`;
      if (values.element)
        await page
          .locator(values.element)
          .first()
          .screenshot({ path: join(values.out, name) });
      else await page.screenshot({ path: join(values.out, name), fullPage: values.full });
      await page.close();
      console.log(join(values.out, name));
    }
  }
}
await browser.close();
