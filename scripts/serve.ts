/**
 * Serves a built site (browser tests, looking at pages, benchmarks):
 *   node scripts/serve.ts --dir dist --port 4321
 * Unlike `astro preview`, several can run at once in one project (one per fixture build).
 */
import { parseArgs } from 'node:util';
import { serveStatic } from './serve-static.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' } } });
const server = await serveStatic(values.dir, Number(values.port));
console.log(`serving ${values.dir} on ${server.url}`);
