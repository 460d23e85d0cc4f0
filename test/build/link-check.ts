import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';

/** Every file under a folder, recursively. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Broken internal links and anchors in a built site: every `href`/`src` that starts with `base`
 * must name a file (or a folder with index.html), and every `#fragment` an element id there.
 * Links outside `base` but on this origin are broken too (they ignore the base path).
 */
export function findBrokenLinks(outDir: string, base = '/'): string[] {
  const pages = allFiles(outDir).filter((f) => f.endsWith('.html'));
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      ids = new Set(
        $('[id]')
          .map((_, el) => $(el).attr('id')!)
          .get(),
      );
      idsByFile.set(file, ids);
    }
    return ids;
  };
  /** What is wrong with one link on `page`, or undefined. */
  const checkLink = (link: string, page: string): string | undefined => {
    const [pathPart, fragment] = link.split('#') as [string, string | undefined];
    let target = page;
    if (pathPart) {
      if (!pathPart.startsWith('/')) return `relative link ${link}`;
      if (!pathPart.startsWith(base)) return `${link} ignores the base path ${base}`;
      const local = join(outDir, decodeURIComponent(pathPart.slice(base.length).split('?')[0]!));
      target = existsSync(local) && statSync(local).isDirectory() ? join(local, 'index.html') : local;
      if (!existsSync(target)) return `${link} does not exist`;
    }
    if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
      return `${link} has no element with id "${fragment}"`;
    }
    return undefined;
  };
  const problems: string[] = [];
  for (const page of pages) {
    const $ = cheerio.load(readFileSync(page, 'utf8'));
    const from = page.slice(outDir.length);
    $('[href], [src]').each((_, el) => {
      const link = $(el).attr('href') ?? $(el).attr('src')!;
      if (/^(https?:|mailto:|data:|javascript:)/.test(link) || link.startsWith('//')) return;
      const problem = checkLink(link, page);
      if (problem) problems.push(`${from}: ${problem}`);
    });
  }
  return problems;
}
