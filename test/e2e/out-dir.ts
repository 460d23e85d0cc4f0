import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the Playwright project `name` builds its corpus (specs read the built files from there). */
export const e2eOutDir = (name: string): string => join(tmpdir(), `hindsight-e2e-${name}`);
