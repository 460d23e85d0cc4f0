/**
 * The service pages (services/index.astro and services/[id].astro render them): each service's
 * dependencies and dependents by name, and the reviews that touched it.
 */
import { getDependents, type IncidentLike } from '../incidents.ts';
import { splitNearMisses } from '../near-misses.ts';

/** A service another one links to. */
export interface ServiceLink {
  id: string;
  name: string;
}

/** A catalog service as these views need it. */
interface ServiceLike {
  id: string;
  data: { name: string; dependsOn: string[] };
}

/** One row of the service catalog table. */
export interface ServiceRow<S> {
  service: S;
  dependsOn: ServiceLink[];
  /** Services that depend on this one, by id. */
  dependents: ServiceLink[];
  /** Reviews that touched it. */
  incidents: number;
}

/** One service's page. */
export interface ServicePageView<I> {
  /** Reviews of incidents that touched it, newest first. */
  incidents: I[];
  /** Near misses that touched it. */
  nearMisses: I[];
  dependsOn: ServiceLink[];
  dependents: ServiceLink[];
}

const linksTo = (ids: readonly string[], names: ReadonlyMap<string, string>): ServiceLink[] =>
  ids.map((id) => ({ id, name: names.get(id) ?? id }));

/** The catalog table: every service (in the order given) with its links both ways and its review count. */
export function getServiceRows<S extends ServiceLike>(
  services: readonly S[],
  names: ReadonlyMap<string, string>,
  byService: ReadonlyMap<string, readonly unknown[]>,
): ServiceRow<S>[] {
  return services.map((service) => ({
    service,
    dependsOn: linksTo(service.data.dependsOn, names),
    dependents: linksTo(getDependents(service.id, services), names),
    incidents: byService.get(service.id)?.length ?? 0,
  }));
}

/** The page of service `id`; `reviews` are those that touched it, newest first. */
export function getServicePageView<I extends IncidentLike>(
  service: ServiceLike,
  services: readonly ServiceLike[],
  names: ReadonlyMap<string, string>,
  reviews: readonly I[],
): ServicePageView<I> {
  return {
    ...splitNearMisses(reviews),
    dependsOn: linksTo(service.data.dependsOn, names),
    dependents: linksTo(getDependents(service.id, services), names),
  };
}
