/**
 * Everything the availability engine needs for a date range, in three queries: sites (hours,
 * closures, rooms), therapists (credentials, templates, exceptions) and what is busy (appointments
 * that occupy their time, and live waitlist holds) overlapping the range.
 */
import type { Queryable } from '../database.ts';

export interface SiteData {
  locationId: string;
  timeZone: string;
  state: string;
  hours: Record<string, { open: string; close: string }[]>;
  closures: { startsOn: string; endsOn: string; reason: string }[];
  rooms: { id: string; active: boolean }[];
}

export interface TherapistData {
  therapistId: string;
  discipline: 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';
  credentials: {
    kind: 'licence' | 'certification';
    type: string;
    issuer: string;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
  templates: {
    locationId: string;
    weekday: number;
    start: string;
    end: string;
    validFrom: string | null;
    validTo: string | null;
  }[];
  exceptions: { kind: 'time-off' | 'extra-shift'; locationId: string | null; start: number; end: number }[];
}

export interface BusyData {
  start: number;
  end: number;
  therapistId: string;
  roomId: string | null;
  patientId: string;
  locationId: string;
  bufferAfterMinutes: number;
  /** The appointment or hold this is, so a change can leave its own booking out. */
  appointmentId: string | null;
  holdId: string | null;
}

export interface RangeFilter {
  /** Local dates, widened by the caller to cover every time zone. */
  fromDate: string;
  toDate: string;
  locationIds?: string[];
}

export async function loadSites(db: Queryable, orgId: string, range: RangeFilter): Promise<SiteData[]> {
  return db.query<SiteData>(
    `SELECT l.id AS "locationId", l.time_zone AS "timeZone", l.state, l.hours,
            coalesce((SELECT jsonb_agg(jsonb_build_object('startsOn', c.starts_on, 'endsOn', c.ends_on, 'reason',
            c.reason))
                        FROM location_closures c WHERE c.org_id = l.org_id AND c.location_id = l.id
                         AND c.ends_on >= $2::date AND c.starts_on <= $3::date), '[]'::jsonb) AS closures,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'active', r.active) ORDER BY r.id)
                        FROM rooms r WHERE r.org_id = l.org_id AND r.location_id = l.id), '[]'::jsonb) AS rooms
       FROM locations l
      WHERE l.org_id = $1 AND l.active AND ($4::uuid[] IS NULL OR l.id = ANY($4::uuid[]))
      ORDER BY l.id`,
    [orgId, range.fromDate, range.toDate, range.locationIds ?? null],
  );
}

export async function loadTherapists(
  db: Queryable,
  orgId: string,
  range: RangeFilter,
  filter: { discipline?: string; therapistId?: string },
): Promise<TherapistData[]> {
  return db.query<TherapistData>(
    // Where a therapist works follows from templates and extra shifts: no list of sites is needed.
    `SELECT p.id AS "therapistId", p.discipline,
            coalesce((SELECT jsonb_agg(jsonb_build_object('kind', c.kind, 'type', c.type, 'issuer', c.issuer,
                                                          'issuedOn', c.issued_on, 'expiresOn', c.expires_on))
                        FROM credentials c WHERE c.org_id = p.org_id
                        AND c.therapist_id = p.id), '[]'::jsonb) AS credentials,
            coalesce((SELECT jsonb_agg(jsonb_build_object('locationId', t.location_id, 'weekday', t.weekday,
                                                          'start', to_char(t.start_time, 'HH24:MI'), 'end',
                                                          to_char(t.end_time, 'HH24:MI'),
                                                          'validFrom', t.valid_from, 'validTo', t.valid_to))
                        FROM shift_templates t
                       WHERE t.org_id = p.org_id AND t.therapist_id = p.id
                         AND (t.valid_from IS NULL OR t.valid_from <= $3::date) AND (t.valid_to IS NULL
                         OR t.valid_to >= $2::date)
                         AND EXISTS (SELECT 1 FROM therapist_locations pl
                                      WHERE pl.org_id = t.org_id AND pl.therapist_id = t.therapist_id
                                      AND pl.location_id = t.location_id)),
                     '[]'::jsonb) AS templates,
            coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'locationId', e.location_id,
                                                          'start', (date_part('epoch', lower(e.during)) * 1000),
                                                          'end', (date_part('epoch', upper(e.during)) * 1000)))
                        FROM schedule_exceptions e
                       WHERE e.org_id = p.org_id AND e.therapist_id = p.id
                         AND e.during && tstzrange($2::date - 1, $3::date + 2)), '[]'::jsonb) AS exceptions
       FROM therapists p
      WHERE p.org_id = $1 AND p.active AND ($4::text IS NULL OR p.discipline = $4) AND ($5::uuid IS NULL OR p.id = $5)
      ORDER BY p.id`,
    [orgId, range.fromDate, range.toDate, filter.discipline ?? null, filter.therapistId ?? null],
  );
}

/** Appointments that occupy time, and holds still live at `now`, overlapping [from, to). */
export async function loadBusy(db: Queryable, orgId: string, from: Date, to: Date, now: Date): Promise<BusyData[]> {
  return db.query<BusyData>(
    `SELECT (date_part('epoch', lower(a.during)) * 1000) AS start,
            (date_part('epoch', upper(a.during)) * 1000) AS "end",
            a.therapist_id AS "therapistId", a.room_id AS "roomId", a.patient_id AS "patientId",
            a.location_id AS "locationId",
            (date_part('epoch', upper(a.blocks) - upper(a.during)) / 60)::int AS "bufferAfterMinutes",
            a.id AS "appointmentId", NULL::uuid AS "holdId"
       FROM appointments a
      WHERE a.org_id = $1 AND a.occupies AND a.blocks && tstzrange($2, $3)
     UNION ALL
     SELECT (date_part('epoch', lower(h.during)) * 1000), (date_part('epoch', upper(h.during)) * 1000),
            h.therapist_id, h.room_id, h.patient_id, h.location_id,
            (date_part('epoch', upper(h.blocks) - upper(h.during)) / 60)::int, NULL::uuid, h.id
       FROM holds h
      WHERE h.org_id = $1 AND h.status = 'offered' AND h.expires_at > $4 AND h.blocks && tstzrange($2, $3)`,
    [orgId, from, to, now],
  );
}
