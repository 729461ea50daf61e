import { describe, expect, it } from 'vitest';
import { VIEWPORTS, seriousViolations, browserSuite } from './support.ts';

const app = browserSuite();

interface Patient {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLocationId: string;
}

/** A patient registered only at Salem (none of the Beaverton desk's sites). */
async function salemPatient(): Promise<Patient> {
  const admin = await app.api('admin');
  const { locations } = await admin<{ locations: { id: string; name: string }[] }>('GET', '/api/locations');
  const salem = locations.find((l) => l.name.endsWith('Salem'))!;
  const { patients } = await admin<{ patients: Patient[] }>('GET', `/api/patients?location=${salem.id}&pageSize=1`);
  return patients[0]!;
}

describe('who may see a chart, at the desk and for a manager', () => {
  it('the Beaverton desk cannot open a Salem patient, finds them by exact name and birth date, registers', async () => {
    const patient = await salemPatient();
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'front_desk');
    // Not in the desk's search, and not to be opened by id.
    await page.goto(`${app.url}/patients?q=${encodeURIComponent(patient.familyName)}`);
    await page.locator('.result-count').waitFor();
    expect(await page.getByRole('link', { name: `${patient.familyName}, ${patient.givenName}` }).count()).toBe(0);

    await page.getByRole('link', { name: 'Find at another site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a patient of another site' }).waitFor();
    await page.getByLabel('Given name').fill(patient.givenName.toUpperCase());
    await page.getByLabel('Family name').fill(patient.familyName);
    await page.getByLabel('Date of birth').fill(patient.dateOfBirth);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('heading', { name: 'One patient matches' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The match shows only what registering needs: no phone, email or address.
    const match = page.getByRole('form', { name: `Register ${patient.givenName} ${patient.familyName}` });
    expect(await match.textContent()).not.toMatch(/@|\d{3}-\d{4}/);

    await match.getByRole('button', { name: 'Register at Knotwork Beaverton' }).click();
    await match.locator('.error-message').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await match.getByLabel('Why they are registered here').fill('Moved to Beaverton; asked by phone');
    await match.getByRole('button', { name: 'Register at Knotwork Beaverton' }).click();
    await page.getByRole('heading', { level: 1, name: `${patient.givenName} ${patient.familyName}` }).waitFor();
    const careCard = page.locator('section', { has: page.getByRole('heading', { name: 'Care team' }) });
    await expect
      .poll(() => careCard.textContent())
      .toMatch(/Registered at Knotwork Salem \(preferred\), Knotwork Beaverton\./);
    const [event] = await app.db.query<{ detail: { reason: string } }>(
      `SELECT detail FROM audit_events WHERE action = 'patient.site.register' AND patient_id = $1`,
      [patient.id],
    );
    expect(event?.detail.reason).toBe('Moved to Beaverton; asked by phone');
  });

  it('a manager ends a therapist’s access with a reason and grants it again, on the patient’s profile', async () => {
    const [own] = await app.db.query<{ id: string; name: string; therapist: string }>(
      `SELECT p.id, p.given_name || ' ' || p.family_name AS name, pr.given_name || ' ' || pr.family_name AS therapist
         FROM patients p JOIN care_relationships c ON c.org_id = p.org_id AND c.patient_id = p.id AND c.ended_on IS NULL
         JOIN therapists pr ON pr.org_id = c.org_id AND pr.id = c.therapist_id
         JOIN locations l ON l.org_id = p.org_id AND l.id = p.preferred_location_id
        WHERE l.slug = 'gresham' ORDER BY p.id LIMIT 1`,
    );
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'manager', `/patients/${own!.id}`);
    await page.getByRole('heading', { level: 1, name: own!.name }).waitFor();
    const careCard = page.locator('section', { has: page.getByRole('heading', { name: 'Care team' }) });
    await careCard.locator('strong', { hasText: own!.therapist }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await careCard.getByRole('button', { name: `End access for ${own!.therapist}` }).click();
    await careCard.getByLabel(`Why ${own!.therapist} no longer sees this chart`).fill('Treatment finished');
    await careCard.getByRole('button', { name: 'End access', exact: true }).click();
    await careCard.getByText('Earlier (1)').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await careCard.getByRole('button', { name: 'Add to care team' }).click();
    await careCard.getByText('Choose a therapist.').waitFor();
    await careCard.getByLabel('Therapist').selectOption({ label: own!.therapist });
    await careCard.getByLabel('Reason').fill('Back for a new episode of neck pain');
    await careCard.getByRole('button', { name: 'Add to care team' }).click();
    await careCard.getByText('Back for a new episode of neck pain').waitFor();
    const actions = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE patient_id = $1 AND action IN ('care.end', 'care.grant') ORDER BY id`,
      [own!.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['care.end', 'care.grant']);
  });
});
