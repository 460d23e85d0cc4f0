/**
 * A worker thread for build-time diagrams (engine.ts): Mermaid's parser, beautiful-mermaid's
 * ELK layouts and dagre's layered ones are most of a build's diagram time; here they run beside
 * the main thread, which renders pages meanwhile. Messages: `{ id, job }` in, `{ id, svg }` or `{ id, failure }` out.
 */
import { parentPort } from 'node:worker_threads';
import { DiagramStepError, runDiagramJob, type DiagramJob } from './engine.ts';

parentPort?.on('message', ({ id, job }: { id: number; job: DiagramJob }) => {
  runDiagramJob(job).then(
    (svg) => parentPort?.postMessage({ id, svg }),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        failure: {
          step: error instanceof DiagramStepError ? error.step : 'draw',
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
});
