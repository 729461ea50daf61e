import type { SessionMemory } from './auth/session-memory.ts';
import type { Transactional } from '../store/database.ts';

export type Role = 'patient' | 'therapist' | 'front_desk' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['patient', 'therapist', 'front_desk', 'manager', 'admin'];

/** Who is asking: resolved from a session on every request, never cached across requests. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  email: string;
  displayName: string;
  /** The patient record of a patient account. */
  patientId: string | null;
  /** The therapist record of a therapist account. */
  therapistId: string | null;
  /** Sites a front-desk user or manager works for (and a therapist's sites). */
  locationIds: string[];
  /** The organisation's IANA zone: a calendar date that belongs to no site is read on its clock. */
  orgTimeZone: string;
  /**
   * The organisation's schedule stamp, read with this request's session (HTTP only): availability and the calendar
   * key their caches by it instead of reading it again. Absent on actors made otherwise (links, jobs, tests).
   */
  scheduleStamp?: string;
  /** A patient account's language tag, from its record (communication.language); null for staff or none set. */
  language?: string | null;
  /** Someone else chose this account's password: it must change it before anything else. */
  mustChangePassword?: boolean;
  sessionId: string;
  ip: string | null;
}

/** What every use case receives: the database and the clock, passed in rather than imported. */
export interface ServiceContext {
  /** The database, or an open transaction: a use case called from another's transaction joins it. */
  db: Transactional;
  now: () => Date;
  /** Waits that slow down password guessing; tests pass one that only records. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Sessions kept between requests (a server on PostgreSQL); without it every request reads its session. */
  sessions?: SessionMemory;
}
