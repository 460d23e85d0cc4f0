import type { APIContext } from 'astro';
import { toCsv } from '../../lib/exports.ts';
import { getVoidRecords } from './_void-records.ts';

/** The same records as `void.json`, as CSV. */
export async function GET(context: APIContext) {
  return new Response(toCsv(await getVoidRecords(context)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
