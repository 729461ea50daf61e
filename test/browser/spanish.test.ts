import { describe, expect, it } from 'vitest';
import { listMessages } from '../../src/store/repos/outbox.ts';
import { DEMO_PASSWORD, EMAILS, VIEWPORTS, browserSuite, seriousViolations, shotIfAsked } from './support.ts';

/**
 * A patient who reads Spanish, on a phone: chooses Spanish on the sign-in page, books a visit reading
 * Spanish questions, dates and times, and finds Spanish again on another device once signed in (the
 * account keeps the choice); the confirmation email is in Spanish too.
 */
const app = browserSuite({ pageOptions: { timeout: 15_000 } });

/** "martes, 1 de diciembre" as a Spanish page writes a day. */
const SPANISH_DAY = /(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de [a-z]+/;
/** "9:00 a.m." / "2:30 p.m.". */
const SPANISH_TIME = /\d{1,2}:\d{2}\s[ap]\.\s?m\./;

describe('the portal in Spanish', () => {
  it('switches to Spanish, books a visit with Spanish dates, and keeps Spanish on the account', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const toSpanish = page.getByRole('button', { name: 'Español' });
    const box = (await toSpanish.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await toSpanish.click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Correo electrónico').fill(EMAILS.patient);
    await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    // The choice made before signing in goes into the account.
    const patient = await app.api('patient');
    const sessionLocale = async () =>
      (await patient<{ user: { locale: string | null } }>('GET', '/api/auth/session')).user.locale;
    await expect.poll(sessionLocale).toBe('es');

    await page.goto(`${app.url}/book`);
    await page.getByRole('heading', { level: 1, name: '¿Qué tipo de visita necesita?' }).waitFor();
    expect(await page.locator('.sch-radios').textContent()).toMatch(/\d+ minutos · \$\d+\.\d{2}/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('radio').nth(2).check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('heading', { level: 1, name: '¿A qué clínica le gustaría ir?' }).waitFor();
    await page.getByLabel('Cualquier clínica').check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('heading', { level: 1, name: '¿Con quién le gustaría atenderse?' }).waitFor();
    await page.getByLabel('Cualquier terapeuta calificado').check();
    await page.getByRole('button', { name: 'Continuar' }).click();

    await page.getByRole('heading', { level: 1, name: 'Elija el día y la hora' }).waitFor();
    const firstDay = page.locator('.sch-day-times h2').first();
    expect(await firstDay.textContent()).toMatch(SPANISH_DAY);
    expect(await page.locator('.sch-zone').textContent()).toContain('hora local de la clínica');
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'spanish-01-times');
    await page.locator('.sch-time-button').first().click();

    await page.getByRole('heading', { level: 1, name: 'Revise su cita' }).waitFor();
    const when = await page.locator('.summary-row', { hasText: 'Fecha y hora' }).textContent();
    expect(when).toMatch(SPANISH_DAY);
    expect(when).toMatch(SPANISH_TIME);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmar la cita' }).click();

    await page.getByRole('heading', { level: 1, name: 'Su cita quedó reservada' }).waitFor();
    const booked = (await page.locator('.sch-confirmation-when').textContent())!;
    expect(booked).toMatch(SPANISH_DAY);
    expect(booked).toMatch(SPANISH_TIME);
    expect(await page.locator('main').textContent()).not.toMatch(/Your appointment|Price|Therapist|Clinic\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'spanish-02-booked');

    // The email about the visit is in Spanish too.
    const id = new URL(page.url()).searchParams.get('id')!;
    const confirmation = (await listMessages(app.db, { orgId: app.orgId, appointmentId: id })).find(
      (m) => m.kind === 'confirmation',
    )!;
    expect(confirmation.subject).toMatch(/^Cita reservada: /);
    expect(confirmation.text).toContain('Su cita quedó reservada.');

    // Reloaded with nothing remembered on the device: still Spanish, from the account.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Su cita quedó reservada' }).waitFor();

    // Another device, whose browser reads English: signed in, the pages are in Spanish again.
    const other = await app.open(VIEWPORTS.phone);
    await app.signIn(other, 'patient', '/appointments');
    await other.getByRole('heading', { level: 1, name: 'Mis citas' }).waitFor();
    expect(await other.locator('.sch-my-card h3').first().textContent()).toMatch(SPANISH_DAY);
    expect(await seriousViolations(other)).toEqual([]);

    // And back to English, kept the same way.
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    await expect.poll(sessionLocale).toBe('en');
  }, 120_000);
});
