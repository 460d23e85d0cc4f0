import { existsSync, readFileSync } from 'node:fs';
import { displayPath } from '../content-errors.ts';
import { ImportError } from './types.ts';

/** Parses a JSON file; a missing or malformed file is an ImportError naming it and the position. */
export function readJsonFile(file: string, shown = displayPath(file)): unknown {
  if (!existsSync(file)) throw new ImportError(`${shown} does not exist`);
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${shown} is not valid JSON (${detail.split('\n')[0]})`);
  }
}
