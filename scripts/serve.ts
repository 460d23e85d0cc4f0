/**
 * Serves a built site (browser tests, looking at pages, benchmarks):
 *   node scripts/serve.ts --dir dist --port 4321
 * Unlike `astro preview`, several can run at once in one project (one per fixture build).
 */
import { existsSync } from 'node:fs';
import { exitWithUsageError, parseTopLevelFlags } from './lib/cli.ts';
import { serveStatic } from './serve-static.ts';

const HELP = `Usage: node scripts/serve.ts [--dir dist] [--port 4321]

Serves a built site on 127.0.0.1 like a static host (the site's 404 page for missing paths).

Options:
  --dir DIR     the built site (default: dist)
  --port N      the port (default: 4321; 0 picks a free one)
  -h, --help    show this help`;

const { values } = parseTopLevelFlags(
  {
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  'node scripts/serve.ts',
  HELP,
);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  exitWithUsageError(`--port takes a port number from 0 to 65535, not "${values.port}"`);
if (!existsSync(values.dir)) exitWithUsageError(`--dir: ${values.dir} does not exist (build the site first)`);
const server = await serveStatic(values.dir, port);
console.log(`serving ${values.dir} on ${server.url}`);
