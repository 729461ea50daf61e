/**
 * Booking refusals that carry more than the one error shape: the HTTP layer adds `extra` next to
 * `error` in the body ({"error": {…}, "alternatives": […]}).
 */
import { ServiceError } from '../errors.ts';

export interface SlotView {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

export interface ReasonView {
  code: string;
  message: string;
}

export class SlotUnavailableError extends ServiceError {
  readonly extra: { alternatives: SlotView[] };
  constructor(message: string, reasons: ReasonView[], alternatives: SlotView[]) {
    super('slot_unavailable', message, Object.fromEntries(reasons.map((r) => [reasonField(r.code), r.message])));
    this.extra = { alternatives };
  }
}

/** The therapist lacks a credential the service requires on that date (or practises another discipline). */
export class NotQualifiedError extends ServiceError {
  constructor(problem: string) {
    super('not_qualified', `The therapist cannot deliver this service: ${problem}`, { therapistId: problem });
  }
}

export interface SeriesConflictView {
  visit: number;
  wanted: { date: string; time: string; locationId?: string; start: string | null };
  reasons: ReasonView[];
  alternatives: SlotView[];
}

export class SeriesConflictError extends ServiceError {
  readonly extra: { conflicts: SeriesConflictView[] };
  constructor(conflicts: SeriesConflictView[]) {
    super(
      'series_conflict',
      `${conflicts.length} visit(s) of the series cannot be booked as wanted; nothing was booked.`,
    );
    this.extra = { conflicts };
  }
}

/** Which request field a refusal is about, so a form can point at it. */
function reasonField(code: string): string {
  switch (code) {
    case 'therapist-busy':
    case 'not-on-shift':
      return 'therapistId';
    case 'room-busy':
    case 'no-room':
      return 'roomId';
    case 'patient-busy':
      return 'patientId';
    case 'closed':
    case 'unknown-location':
      return 'locationId';
    default:
      return 'start';
  }
}
