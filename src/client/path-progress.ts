/** Which steps of each learning path this browser has read, kept in localStorage only. */
const key = (pathId: string) => `hindsight:path:${pathId}`;

/** Incident ids read in a path (empty when storage is unavailable). */
export function readPathProgress(pathId: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(key(pathId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** Records an incident as read in a path. */
export function markStepRead(pathId: string, incidentId: string): void {
  const read = readPathProgress(pathId).add(incidentId);
  try {
    localStorage.setItem(key(pathId), JSON.stringify([...read]));
  } catch {
    // Private mode or storage full: progress is a nicety, the page works without it.
  }
}

/** Forgets a path's progress. */
export function resetPathProgress(pathId: string): void {
  try {
    localStorage.removeItem(key(pathId));
  } catch {
    // As above.
  }
}
