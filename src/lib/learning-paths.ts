/** Words a reader gets through per minute for the reading-time estimate. */
export const WORDS_PER_MINUTE = 200;

/** Minutes to read a text (at least 1). MDX/Markdown syntax is ignored roughly. */
export function estimateReadingMinutes(text: string): number {
  const words = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>|[#*_`>|-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export interface PathStep {
  incident: string;
  note: string;
  questions: string[];
}

/** Where an incident sits in a path: its step number, and the steps either side. */
export interface PathPosition {
  pathId: string;
  step: number;
  total: number;
  previous: string | undefined;
  next: string | undefined;
}

/**
 * The steps a build can show: steps whose incident is not in the build (a public build
 * leaves internal reviews out) are dropped, so a path never links to a missing page.
 */
export function getVisibleSteps<T extends { incident: string }>(
  steps: readonly T[],
  available: ReadonlySet<string>,
): T[] {
  return steps.filter((s) => available.has(s.incident));
}

/** A path has a discussion handout when any of its steps asks a question. */
export function hasHandout(path: { steps: readonly { questions: readonly string[] }[] }): boolean {
  return path.steps.some((s) => s.questions.length > 0);
}

/** Every path position of an incident, for "next step" navigation on its page. */
export function getPathPositions(
  incidentId: string,
  paths: readonly { id: string; steps: readonly { incident: string }[] }[],
): PathPosition[] {
  return paths.flatMap(({ id, steps }) =>
    steps.flatMap((s, i) =>
      s.incident === incidentId
        ? [
            {
              pathId: id,
              step: i + 1,
              total: steps.length,
              previous: steps[i - 1]?.incident,
              next: steps[i + 1]?.incident,
            },
          ]
        : [],
    ),
  );
}
