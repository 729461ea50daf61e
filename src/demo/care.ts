import { addDays } from '../time/index.ts';
import type { Random } from './random.ts';
import type { Therapist } from './staff.ts';

export interface CareRelationshipRow {
  org_id: string;
  patient_id: string;
  therapist_id: string;
  started_on: string;
  ended_on: string | null;
}

/** Who may treat a site's patients: its massage therapists, and the integrative therapists. */
export interface SiteTeam {
  massage: string[];
  integrative: string[];
}

export function teamsBySite(therapists: readonly Therapist[]): Map<string, SiteTeam> {
  const teams = new Map<string, SiteTeam>();
  for (const therapist of therapists) {
    const massage = therapist.row.discipline === 'nmt' || therapist.row.discipline === 'corrective-exercise';
    for (const slug of therapist.siteSlugs) {
      const team = teams.get(slug) ?? { massage: [], integrative: [] };
      (massage ? team.massage : team.integrative).push(therapist.row.id);
      teams.set(slug, team);
    }
  }
  return teams;
}

/**
 * Each patient is in the care of one massage therapist of their preferred site; about one in five
 * also sees a chiropractor or acupuncturist there (the integrated plans the clinic offers).
 * `fixedTherapist` pins the therapist (the demo therapist's own patients).
 */
export function careFor(
  random: Random,
  today: string,
  orgId: string,
  patientId: string,
  team: SiteTeam,
  fixedTherapist?: string,
): CareRelationshipRow[] {
  const rows: CareRelationshipRow[] = [];
  const primary = fixedTherapist ?? (team.massage.length > 0 ? random.pick(team.massage) : undefined);
  const add = (therapistId: string, mayHaveEnded: boolean) => {
    const startedOn = addDays(today, -random.int(0, 720));
    const endOn = addDays(startedOn, random.int(30, 300));
    const ended = mayHaveEnded && random.chance(0.25) && endOn <= today;
    rows.push({
      org_id: orgId,
      patient_id: patientId,
      therapist_id: therapistId,
      started_on: startedOn,
      ended_on: ended ? endOn : null,
    });
  };
  if (primary) add(primary, fixedTherapist === undefined);
  if (team.integrative.length > 0 && random.chance(0.2)) add(random.pick(team.integrative), true);
  return rows;
}
