/**
 * A small static file server for built sites (browser tests, benchmarks):
 *   node scripts/serve.ts --dir dist --port 4321 [--host 127.0.0.1]
 * Unlike `astro preview`, several can run at once in one project (one per fixture build).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } },
});
const root = resolve(values.dir);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** The file a URL path names: itself, or the index.html of a folder; undefined when missing. */
function fileFor(urlPath: string): string | undefined {
  const path = join(root, normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ''));
  if (!path.startsWith(root)) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : undefined;
  return existsSync(path) ? path : undefined;
}

createServer((request, response) => {
  const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = fileFor(urlPath);
  const notFound = join(root, '404.html');
  const chosen = file ?? (existsSync(notFound) ? notFound : undefined);
  if (!chosen) {
    response.writeHead(404).end('Not found');
    return;
  }
  response.writeHead(file ? 200 : 404, { 'Content-Type': TYPES[extname(chosen)] ?? 'application/octet-stream' });
  createReadStream(chosen).pipe(response);
}).listen(Number(values.port), values.host, () => console.log(`serving ${root} on http://${values.host}:${values.port}/`));
