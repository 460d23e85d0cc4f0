import type { APIContext } from 'astro';
import { getVoidRecords } from './_void-records.ts';

/** VOID-compatible metadata of every published review. */
export async function GET(context: APIContext) {
  return Response.json(await getVoidRecords(context));
}
