/**
 * Worker threads for build-time diagrams (layout-worker.ts). A worker keeps the process alive
 * only while it has jobs, so a finished build exits without closing the pool.
 */
import { Worker } from 'node:worker_threads';
import { DiagramStepError, type DiagramFailure, type DiagramJob } from './engine.ts';

type Reply = { id: number; svg?: string; failure?: DiagramFailure };
type Pending = { resolve: (svg: string | undefined) => void; reject: (error: Error) => void };

/** A round-robin pool of layout workers running `file`. */
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
      // A worker that dies takes its jobs with it: fail them rather than wait forever.
      worker.on('error', (error: Error) => {
        for (const job of pending.values()) job.reject(error);
        pending.clear();
      });
      this.workers.push({ worker, pending });
    }
  }

  /** Runs a job in the least busy worker, as runDiagramJob would here (same result, same DiagramStepError). */
  run(job: DiagramJob): Promise<string | undefined> {
    const target = this.workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
    const id = this.nextId++;
    return new Promise<string | undefined>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.ref();
      target.worker.postMessage({ id, job });
    });
  }
}
