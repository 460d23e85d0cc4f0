/** The learning-path navigation atop a review (PathNav.astro): where it sits in each path, and its neighbours. */
import { getPathPositions } from '../learning-paths.ts';

/** A review a step links to. */
export interface StepLink {
  id: string;
  title: string;
}

/** One path the review is a step of. */
export interface PathNavEntry {
  pathId: string;
  pathTitle: string;
  step: number;
  total: number;
  previous: StepLink | undefined;
  next: StepLink | undefined;
}

/** A path with its steps' reviews resolved (`learningPaths` in src/content.ts). */
interface ResolvedPathLike {
  id: string;
  data: { title: string };
  steps: readonly { incident: { id: string; data: { title: string } } }[];
}

/** Every path position of a review, with the titles of the steps before and after it. */
export function getPathNav(incidentId: string, paths: readonly ResolvedPathLike[]): PathNavEntry[] {
  const byId = new Map(paths.map((p) => [p.id, p]));
  const positions = getPathPositions(
    incidentId,
    paths.map((p) => ({ id: p.id, steps: p.steps.map((s) => ({ incident: s.incident.id })) })),
  );
  return positions.map((pos) => {
    const path = byId.get(pos.pathId)!;
    const link = (id: string | undefined): StepLink | undefined => {
      const incident = id === undefined ? undefined : path.steps.find((s) => s.incident.id === id)?.incident;
      return incident && { id: incident.id, title: incident.data.title };
    };
    return {
      pathId: pos.pathId,
      pathTitle: path.data.title,
      step: pos.step,
      total: pos.total,
      previous: link(pos.previous),
      next: link(pos.next),
    };
  });
}
