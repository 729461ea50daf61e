import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/time/index.ts';
import { VIEWPORTS, seriousViolations, browserSuite, type DemoRole, type PatientSummary } from './support.ts';

// The desk at its screen, the therapist with the tablet upright.
const DESK = VIEWPORTS.desk;
const TABLET = VIEWPORTS.tablet;

interface Slot {
  start: string;
  therapistId: string;
  locationId: string;
}
interface Appointment {
  id: string;
  status: string;
  sessionNoteId: string | null;
}

const app = browserSuite();

/** Answers status and body, so a test can assert a refusal. */
const api = async (role: DemoRole) => (await app.api(role)).send;

/** A follow-up for one of the therapist's own patients at the desk's site, on a day from tomorrow on. */
async function bookVisit(): Promise<{
  appointment: Appointment;
  patient: PatientSummary;
  date: string;
  siteId: string;
  zone: string;
}> {
  const therapist = await app.api('therapist');
  const own = (await (await app.api('patient')).get<{ user: { patientId: string } }>('/api/auth/session')).user
    .patientId;
  const therapistId = (await therapist.get<{ user: { therapistId: string } }>('/api/auth/session')).user.therapistId;
  const desk = await api('front_desk');
  const siteId = (await desk<{ user: { locationIds: string[] } }>('GET', '/api/auth/session')).body.user
    .locationIds[0]!;
  // Patients of the desk's own site, so the desk sees them by name on its calendar.
  const patients = (
    await therapist.get<{ patients: (PatientSummary & { preferredLocationId: string | null })[] }>(
      '/api/patients?pageSize=50',
    )
  ).patients.filter((p) => p.id !== own && p.preferredLocationId === siteId);
  const zone = (
    await desk<{ locations: { id: string; timeZone: string }[] }>('GET', '/api/locations')
  ).body.locations.find((l) => l.id === siteId)!.timeZone;
  const today = wallClock(app.now().getTime(), zone).date;
  const later = (days: number) => wallClock(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000, zone).date;
  const slots = (
    await desk<{ slots: Slot[] }>(
      'GET',
      `/api/availability?service=nmt-followup-60&location=${siteId}&therapist=${therapistId}&from=${later(1)}&to=` +
        `${later(14)}`,
    )
  ).body.slots;
  for (const slot of slots.slice(0, 40)) {
    for (const patient of patients.slice(0, 3)) {
      const booked = await desk<Appointment>('POST', '/api/appointments', {
        patientId: patient.id,
        serviceCode: 'nmt-followup-60',
        start: slot.start,
        therapistId: slot.therapistId,
        locationId: slot.locationId,
      });
      if (booked.status === 201)
        return { appointment: booked.body, patient, date: wallClock(slot.start, zone).date, siteId, zone };
    }
  }
  throw new Error('no free time for the therapist at the desk’s site');
}

describe('a note belongs to its visit', () => {
  it('the desk undoes an arrival; the therapist opens the linked note from My day; signing completes it', async () => {
    const { appointment, patient, date, siteId } = await bookVisit();
    const name = new RegExp(patient.familyName);
    const desk = await api('front_desk');
    const status = async () => (await desk<Appointment>('GET', `/api/appointments/${appointment.id}`)).body;

    // The desk marks the patient arrived by mistake, and takes it back.
    const deskPage = await app.open(DESK);
    await app.signIn(deskPage, 'front_desk', `/schedule?site=${siteId}&date=${date}`);
    await deskPage.locator('.loading').waitFor({ state: 'detached' });
    await deskPage.locator('.sch-appt', { hasText: patient.familyName }).click();
    const details = deskPage.getByRole('region', { name });
    await details.getByRole('button', { name: 'Mark arrived' }).click();
    await details.getByText('Arrived', { exact: true }).waitFor();
    await details.getByRole('button', { name: 'Undo arrival' }).click();
    await details.getByText('Booked', { exact: true }).waitFor();
    expect((await status()).status).toBe('booked');
    expect(await seriousViolations(deskPage)).toEqual([]);

    // The therapist starts the note from the visit on My day.
    const tablet = await app.open(TABLET);
    await app.signIn(tablet, 'therapist', `/schedule/my-day?date=${date}`);
    await tablet.locator('.loading').waitFor({ state: 'detached' });
    await tablet.getByRole('button', { name: new RegExp(`^Start the session note: .*${patient.familyName}`) }).click();
    await tablet.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    const noteId = /\/chart\/sessions\/([0-9a-f-]{36})$/.exec(tablet.url())?.[1];
    expect(await status()).toMatchObject({ status: 'in_session', sessionNoteId: noteId });

    // Back on My day the visit is in session and links to its note.
    await tablet.goto(`${app.url}/schedule/my-day?date=${date}`);
    const open = tablet.getByRole('link', { name: new RegExp(`^Open the session note: .*${patient.familyName}`) });
    await open.waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await open.click();
    await tablet.getByRole('button', { name: 'Sign and lock' }).click();
    await tablet.getByRole('heading', { name: 'Signed and locked' }).waitFor();
    expect((await status()).status).toBe('completed');
    await tablet.goto(`${app.url}/schedule/my-day?date=${date}`);
    await tablet
      .locator('.sch-visit', { hasText: patient.familyName })
      .getByText('Completed', { exact: true })
      .waitFor();

    // The desk sees the visit completed and that it was charted (the note itself is the clinicians').
    await deskPage.reload();
    await deskPage.locator('.loading').waitFor({ state: 'detached' });
    await deskPage.locator('.sch-appt', { hasText: patient.familyName }).click();
    await deskPage.getByRole('region', { name }).getByText('Session note started').waitFor();
    expect(await seriousViolations(deskPage)).toEqual([]);
  }, 90_000);
});
