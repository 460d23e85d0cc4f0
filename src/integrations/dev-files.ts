/**
 * Serves files from a folder under a URL prefix in `astro dev`, for what the build copies or writes
 * next to Astro's output (Pagefind's last index, mermaid's prebuilt bundle) rather than Vite serving it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Answers requests for `urlPrefix` + a relative path with the file at that path under `dir`, when
 * `serves(relativePath)` allows it; anything else (or outside `dir`) goes on to Vite. Never cached,
 * so a rebuild shows at once.
 */
export function serveDevFiles(
  server: DevServer,
  urlPrefix: string,
  dir: string,
  serves: (relativePath: string) => boolean = () => true,
): void {
  server.middlewares.use((req, res, next) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
    if (!path.startsWith(urlPrefix) || !serves(path.slice(urlPrefix.length))) return next();
    const file = normalize(join(dir, path.slice(urlPrefix.length)));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.end(readFileSync(file));
  });
}
