/**
 * Worker threads for build-time diagrams (layout-worker.ts). A worker keeps the process alive
 * only while it has jobs, so a finished build exits without closing the pool.
 */
import { Worker } from 'node:worker_threads';
import { DiagramStepError, runDiagramJob, type DiagramFailure, type DiagramJob } from './engine.ts';

type Reply = { id: number; svg?: string; failure?: DiagramFailure };
type Pending = { resolve: (svg: string | undefined) => void; reject: (error: Error) => void };

/** A pool of layout workers running `file`; each job goes to the one with the fewest pending. */
export class LayoutPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;

  constructor(file: string, size: number) {
    for (let n = 0; n < size; n++) {
      const worker = new Worker(file);
      const pending = new Map<number, Pending>();
      worker.unref();
      worker.on('message', ({ id, svg, failure }: Reply) => {
        const job = pending.get(id);
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        if (failure) job?.reject(new DiagramStepError(failure.step, failure.message));
        else job?.resolve(svg);
      });
      // A worker that dies takes its jobs with it: fail them rather than wait forever, and give
      // it no more work (with none left, jobs run in the calling thread).
      const entry = { worker, pending };
      const retire = (error: Error) => {
        for (const job of pending.values()) job.reject(error);
        pending.clear();
        const at = this.workers.indexOf(entry);
        if (at >= 0) this.workers.splice(at, 1);
      };
      worker.on('error', retire);
      worker.on('exit', (code) => retire(new Error(`the layout worker stopped (exit code ${code})`)));
      this.workers.push(entry);
    }
  }

  /** Runs a job in the least busy worker, as runDiagramJob would here (same result, same DiagramStepError). */
  run(job: DiagramJob): Promise<string | undefined> {
    if (this.workers.length === 0) return runDiagramJob(job);
    const target = this.workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
    const id = this.nextId++;
    return new Promise<string | undefined>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.ref();
      target.worker.postMessage({ id, job });
    });
  }
}
