import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/** A stand-in for the search worker: answers `init` and `search`, and can fail like a dying worker. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  answers = true;
  constructor() {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(request: { id: number; type: string }) {
    if (!this.answers) return;
    const reply =
      request.type === 'search' ? { id: request.id, ok: true, ids: ['a', 'b'] } : { id: request.id, ok: true };
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: reply })));
  }
  fail() {
    this.dispatchEvent(new Event('error'));
  }
  terminate() {
    this.terminated = true;
  }
}

/** pagefind-client with its once-per-page state fresh. */
async function client() {
  vi.resetModules();
  return import('../../src/client/pagefind-client.ts');
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('the search worker', () => {
  test('answers searches, and one Pagefind serves every caller of the page', async () => {
    const { loadPagefind } = await client();
    const api = await loadPagefind('/pagefind/', '/');
    expect(await loadPagefind('/pagefind/', '/')).toBe(api);
    expect((await api.search('dns'))?.results.map((r) => r.id)).toEqual(['a', 'b']);
    expect(FakeWorker.made).toHaveLength(1);
  });

  test('failing after it started fails the waiting search and every later one at once, and the next load starts again', async () => {
    const { loadPagefind } = await client();
    const api = await loadPagefind('/pagefind/', '/');
    const [worker] = FakeWorker.made;
    worker!.answers = false;
    const waiting = api.search('dns');
    worker!.fail();
    await expect(waiting).rejects.toThrow('the search worker failed');
    await expect(api.search('dns')).rejects.toThrow('the search worker failed');
    expect(worker!.terminated).toBe(true);
    const again = await loadPagefind('/pagefind/', '/');
    expect(again).not.toBe(api);
    expect(FakeWorker.made).toHaveLength(2);
    expect((await again.search('dns'))?.results).toHaveLength(2);
  });
});
