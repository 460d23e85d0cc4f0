/**
 * Adds lockfile entries for platform-specific optional packages that the registry mirror used
 * here does not carry (e.g. the macOS and Windows builds of the Astro compiler and Pagefind).
 * Without them `npm ci` refuses the lockfile ("Missing: … from lock file") on every machine.
 * Run after `npm install`:  node scripts/fix-lockfile.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseTopLevelFlags } from './lib/cli.ts';

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

parseTopLevelFlags(
  { options: { help: { type: 'boolean', short: 'h', default: false } } },
  'npm run fix-lockfile',
  `Usage: npm run fix-lockfile

Adds the lockfile entries of platform-specific optional packages that the registry mirror
lacks, so that \`npm ci\` accepts the lockfile everywhere. Run it after \`npm install\`.`,
);

const lockPath = 'package-lock.json';
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };

let report: string;
try {
  report = execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (error) {
  report = String((error as { stderr?: string }).stderr ?? '');
}
const missing = [...report.matchAll(/Missing: (@?[^@\s]+)@\S* from lock file/g)].map((m) => m[1]!);

for (const name of missing) {
  const wanted = Object.values(lock.packages).find((p) => p.optionalDependencies?.[name])?.optionalDependencies?.[name];
  const platform = /(android|darwin|linux|win32|windows|freebsd|wasm32)-(arm64|x64|ia32|wasi)/.exec(name);
  if (!wanted || !platform) throw new Error(`cannot tell the version or platform of ${name}; fix the lockfile by hand`);
  const os = platform[1] === 'windows' ? 'win32' : platform[1]!;
  const entry: LockEntry = { version: wanted, optional: true, cpu: [platform[2] === 'wasi' ? 'wasm32' : platform[2]!] };
  if (os !== 'wasm32') entry.os = [os];
  if (name.includes('-musl')) entry.libc = ['musl'];
  if (name.includes('-gnu')) entry.libc = ['glibc'];
  lock.packages[`node_modules/${name}`] = entry;
  console.log(`added ${name}@${wanted}`);
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(missing.length ? `${missing.length} entries added` : 'lockfile already complete');
