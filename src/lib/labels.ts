/** Every enum of the content model as readers see it: one home, so a page, a feed and search agree. */
import type { ActionStatus, DetectionMethod, ReviewKind, Role, Status, TimelineKind } from '../schemas/incident.ts';
import type { Milestone } from './timeline.ts';

/** Review status. */
export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

/** Review kind. */
export const KIND_LABELS: Record<ReviewKind, string> = { incident: 'Incident', 'near-miss': 'Near miss' };

/** Detection method. */
export const DETECTION_LABELS: Record<DetectionMethod, string> = {
  alert: 'Alert',
  'customer-report': 'Customer report',
  'employee-report': 'Employee report',
  synthetic: 'Synthetic check',
  other: 'Other',
};

/** Incident roles. */
export const ROLE_LABELS: Record<Role, string> = {
  'incident-commander': 'Incident commander',
  responder: 'Responder',
  communications: 'Communications lead',
  scribe: 'Scribe',
  'subject-matter-expert': 'Subject-matter expert',
  observer: 'Observer',
};

/** Action-item status. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** Timeline entry kind. */
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  detection: 'Detection',
  escalation: 'Escalation',
  action: 'Action',
  mitigation: 'Mitigation',
  resolution: 'Resolution',
  communication: 'Communication',
  observation: 'Observation',
};

/** Lifecycle stamp, as it reads on the timeline and in key moments. */
export const MILESTONE_LABELS: Record<Milestone, string> = {
  started: 'Impact began',
  detected: 'Detected',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};
