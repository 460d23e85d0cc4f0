/**
 * Worker threads for build-time diagrams (layout-worker.ts). A worker keeps the process alive
 * only while it has jobs, so a finished build exits without closing the pool. Its heap is
 * capped so a long build does not hoard memory; a worker that dies (out of memory or otherwise)
 * leaves the pool and its jobs run again in the calling thread.
 */

/**
 * Heap cap of a layout worker, MB: one layout needs a few MB; the cap makes V8 collect early.
 * 256 rather than 512 took ~100 MB off the build's peak at 5,000 reviews (BENCHMARKS.md, B3).
 */
const WORKER_HEAP_MB = 256;
import { Worker } from 'node:worker_threads';
import { DiagramStepError, runDiagramJob, type DiagramFailure, type DiagramJob } from './engine.ts';

type Reply = { id: number; svg?: string; failure?: DiagramFailure };
type Pending = { job: DiagramJob; resolve: (svg: string | undefined) => void; reject: (error: Error) => void };

/** A pool of layout workers running `file`; each job goes to the one with the fewest pending. */
export class LayoutPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;

  constructor(file: string, size: number) {
    for (let n = 0; n < size; n++) {
      const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const pending = new Map<number, Pending>();
      worker.unref();
      worker.on('message', ({ id, svg, failure }: Reply) => {
        const waiting = pending.get(id);
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        if (failure) waiting?.reject(new DiagramStepError(failure.step, failure.message));
        else waiting?.resolve(svg);
      });
      const entry = { worker, pending };
      const retire = () => {
        const at = this.workers.indexOf(entry);
        if (at >= 0) this.workers.splice(at, 1);
        for (const waiting of pending.values()) this.run(waiting.job).then(waiting.resolve, waiting.reject);
        pending.clear();
      };
      worker.on('error', retire);
      worker.on('exit', retire);
      this.workers.push(entry);
    }
  }

  /** Runs a job in the least busy worker, as runDiagramJob would here (same result, same DiagramStepError). */
  run(job: DiagramJob): Promise<string | undefined> {
    if (this.workers.length === 0) return runDiagramJob(job);
    const target = this.workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
    const id = this.nextId++;
    return new Promise<string | undefined>((resolve, reject) => {
      target.pending.set(id, { job, resolve, reject });
      target.worker.ref();
      target.worker.postMessage({ id, job });
    });
  }
}
