import { describeUnknownId } from './content-errors.ts';

/** The minimum the reference check needs from each collection entry. */
interface Entry<T> {
  id: string;
  /** Path of the source file relative to the project, for the message. */
  file: string;
  data: T;
}

export interface ReferenceInput {
  incidents: Entry<{ services: string[]; related: string[] }>[];
  services: Entry<{ dependsOn: string[] }>[];
  paths: Entry<{ steps: { incident: string }[] }>[];
  patterns: Entry<{ services: string[] }>[];
}

/** Every id that points at nothing, as one author-facing line each (empty when all resolve). */
export function findDanglingReferences(input: ReferenceInput): string[] {
  const serviceIds = input.services.map((s) => s.id);
  const incidentIds = input.incidents.map((i) => i.id);
  const knownServices = new Set(serviceIds);
  const knownIncidents = new Set(incidentIds);
  const problems: string[] = [];

  const check = (file: string, field: string, ids: string[], known: Set<string>, noun: string, all: string[]) => {
    ids.forEach((id, index) => {
      if (!known.has(id)) problems.push(`${file}: ${field}[${index}] ${describeUnknownId(id, noun, all)}`);
    });
  };

  for (const incident of input.incidents) {
    check(incident.file, 'services', incident.data.services, knownServices, 'a service', serviceIds);
    check(incident.file, 'related', incident.data.related, knownIncidents, 'an incident', incidentIds);
  }
  for (const service of input.services) {
    check(service.file, 'dependsOn', service.data.dependsOn, knownServices, 'a service', serviceIds);
  }
  for (const pattern of input.patterns) {
    check(pattern.file, `${pattern.id}.services`, pattern.data.services, knownServices, 'a service', serviceIds);
  }
  for (const path of input.paths) {
    path.data.steps.forEach((step, index) => {
      if (!knownIncidents.has(step.incident)) {
        problems.push(
          `${path.file}: steps[${index}].incident ${describeUnknownId(step.incident, 'an incident', incidentIds)}`,
        );
      }
    });
  }
  return problems;
}
