import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QUESTION_IDS } from '../../src/clinical/screening/questions.ts';
import { instantAt } from '../../src/time/index.ts';
import { DEMO_TIME_ZONE, VIEWPORTS, browserSuite, seriousViolations, shotIfAsked } from './support.ts';

/**
 * A patient who reads Spanish, on a phone, after a visit: fills the health questionnaire and an NDI in
 * Spanish (the readings' checks and the pain map's places and sides in Spanish too), reads an earlier
 * version of the questionnaire, their own details, their trend and their home care in Spanish, downloads
 * the home-care PDF in Spanish, and meets a refusal in Spanish when changing their password with a wrong
 * current one. A newcomer finds the organisation's public pages from the sign-in page in either language.
 */
let patientId = '';

const app = browserSuite({
  pageOptions: { timeout: 15_000 },
  async setup() {
    const therapist = await app.api('therapist');
    const patient = await app.api('patient');
    patientId = (await patient<{ user: { patientId: string } }>('GET', '/api/auth/session')).user.patientId;
    await patient('PUT', '/api/auth/locale', { locale: 'es' });
    // An earlier NDI, so the one filled below makes a trend.
    await patient('POST', `/api/patients/${patientId}/measures`, { measure: 'ndi', answers: Array(10).fill(3) });
    const me = await therapist<{ user: { therapistId: string } }>('GET', '/api/auth/session');
    const day = app.localDate(-1);
    const start = new Date(instantAt(day, 6 * 60, DEMO_TIME_ZONE));
    const [row] = await app.db.query<{ id: string }>(
      `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, service_code, during, blocks, status)
       VALUES ($1, $2, $3, (SELECT location_id FROM therapist_locations WHERE org_id = $1 AND therapist_id = $3
       ORDER BY location_id LIMIT 1),
               'nmt-followup-60', tstzrange($4, $5), tstzrange($4, $5), 'completed') RETURNING id`,
      [app.orgId, patientId, me.user.therapistId, start, new Date(start.getTime() + 3_600_000)],
    );
    const questions = Object.fromEntries(QUESTION_IDS.map((q) => [q, 'no']));
    await therapist('POST', `/api/patients/${patientId}/intake`, {
      questionnaire: 'knotwork-intake-v1',
      answers: { questions, medications: [], surgeries: [], localIssues: [], pregnancy: { status: 'not-applicable' } },
      goals: ['Cargar las bolsas del mercado'],
      painMap: [{ region: 'neck-angle-right', intensity: 6 }],
    });
    const note = await therapist<{ id: string }>('POST', `/api/patients/${patientId}/sessions`, {
      appointmentId: row!.id,
      subjective: { painToday: 6 },
      objective: {},
      cptMinutes: [],
    });
    await therapist('POST', `/api/sessions/${note.id}/steps`, {
      muscle: 'upper-trapezius',
      side: 'right',
      region: 'suprascapular-right',
      technique: 'ischemic-compression-finger',
      holdSeconds: 20,
      painRating: 6,
    });
    await therapist('POST', `/api/sessions/${note.id}/home-care/generate`);
    await therapist('POST', `/api/sessions/${note.id}/home-care/send`);
  },
});

async function clean(page: Page, where: string) {
  await page.locator('main h1').first().waitFor();
  expect(await seriousViolations(page), where).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(390);
}

const next = (page: Page) => page.getByRole('button', { name: 'Continuar' }).click();

/** The text of a PDF, read back with Mozilla's parser. */
async function pdfWords(data: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  const words: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    words.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return words.join(' ');
}

describe('a Spanish-speaking patient after a visit, on a phone', () => {
  it('fills the health questionnaire in Spanish', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', `/patients/${patientId}/intake`);
    await page.getByRole('heading', { level: 1, name: 'Su cuestionario de salud' }).waitFor();
    await clean(page, 'intake start');
    await page.getByRole('link', { name: 'Empezar ahora' }).click();
    await page.getByRole('heading', { level: 1, name: '¿Tiene alguno de estos problemas ahora?' }).waitFor();
    // The answers on file are there to check again, each question in Spanish.
    await page.getByRole('group', { name: 'Fiebre, gripe u otra infección en este momento' }).waitFor();
    await page.getByLabel('Ninguna de estas').check();
    await clean(page, 'health today');
    await shotIfAsked(page, 'spanish-care-01-health');
    await next(page);
    await page.getByRole('heading', { level: 1, name: '¿Ha tenido alguna vez alguno de estos?' }).waitFor();
    await page.getByLabel('Ninguna de estas').check();
    await next(page);
    await page.getByRole('heading', { name: '¿Qué medicinas toma?' }).waitFor();
    await next(page);
    await page.getByRole('heading', { level: 1, name: 'Lesiones y operaciones' }).waitFor();
    await next(page);
    await page.getByLabel('Ninguna de estas').check();
    await next(page);
    await page.getByLabel('No aplica en mi caso').check();
    await next(page);
    await page.getByRole('heading', { level: 1, name: 'Presión y temperatura' }).waitFor();
    // A slip of the finger is refused in Spanish, with the range that is accepted.
    await page.getByLabel('Número de arriba (sistólica)').fill('400');
    await page.getByLabel('Número de abajo (diastólica)').fill('80');
    await next(page);
    await page
      .locator('.error-summary', {
        hasText: 'Escriba el número de arriba (sistólica), un número entero de 50 a 300 mmHg',
      })
      .waitFor();
    await clean(page, 'readings refused');
    await page.getByLabel('Número de arriba (sistólica)').fill('');
    await page.getByLabel('Número de abajo (diastólica)').fill('');
    await next(page);
    await page.getByLabel('Meta 1', { exact: true }).fill('Dormir toda la noche');
    await next(page);
    await page.getByLabel('Poco a poco, con el tiempo').check();
    await page.locator('#f-duration').fill('3');
    await next(page);
    await page.getByRole('heading', { level: 1, name: 'Cómo se comporta su dolor' }).waitFor();
    await next(page);
    await page.getByRole('heading', { level: 1, name: '¿Dónde le duele?' }).waitFor();
    // The chart says whose right and left it shows, and names the place marked at the clinic in Spanish.
    expect(await page.locator('.ch-captions').first().textContent()).toMatch(
      /Derecha del paciente|Izquierda del paciente/,
    );
    expect(await page.locator('.ch-captions').first().textContent()).not.toContain("Patient's");
    await page.getByRole('group', { name: 'Mapa del dolor', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Lugares que ha marcado' }).waitFor();
    expect(await page.locator('.ch-pain-list').textContent()).toContain('Ángulo del cuello (derecha)');
    await page.getByRole('button', { name: 'Espalda', exact: true }).click();
    await page.getByRole('group', { name: 'Mapa del dolor, espalda' }).waitFor();
    await page.getByRole('button', { name: 'Ángulo del cuello (derecha), dolor 6 de 10' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.ch-selected-name', { hasText: 'Ángulo del cuello (derecha)' }).waitFor();
    await page.getByRole('group', { name: 'Ángulo del cuello (derecha): ¿cuánto le duele aquí?' }).waitFor();
    const list = page.getByLabel('O elija un lugar de una lista');
    expect(await list.locator('optgroup').first().getAttribute('label')).toBe('Cabeza y cara');
    await clean(page, 'pain map');
    await shotIfAsked(page, 'spanish-care-01b-pain-map');
    await next(page);
    await page.getByRole('heading', { level: 1, name: 'Revise sus respuestas antes de enviarlas' }).waitFor();
    const review = (await page.locator('.ch-review').textContent())!;
    expect(review).toContain('Salud hoy');
    expect(review).toContain('Dormir toda la noche');
    expect(review).toContain('hace 3 semanas');
    await clean(page, 'intake review');
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gracias, sus respuestas se enviaron' }).waitFor();
    await clean(page, 'intake sent');
  }, 300_000);

  it('reads the earlier version of the questionnaire in Spanish', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', `/patients/${patientId}/intake`);
    const versions = page.locator('.ch-versions');
    await versions.getByRole('heading', { name: 'Versiones anteriores' }).waitFor();
    expect(await versions.locator('li').last().textContent()).toMatch(/^Versión 1 enviada el .+ por .+, terapeuta$/);
    await versions.getByRole('link', { name: 'Versión 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cuestionario de salud, versión 1' }).waitFor();
    expect(await page.locator('main .lead').first().textContent()).toContain('no se puede cambiar');
    await page.getByRole('link', { name: 'Volver al cuestionario' }).waitFor();
    await clean(page, 'earlier version');
  }, 300_000);

  it('reads their own details in Spanish', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', `/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
    expect(await page.locator('main .lead').first().textContent()).toMatch(
      / · Nació el \d{1,2} \S+ \d{4} \(\d+ años?\)$/,
    );
    await page.getByRole('heading', { name: 'Mis visitas' }).waitFor();
    await page.getByRole('heading', { name: 'Próximas citas' }).waitFor();
    const past = page.getByRole('list', { name: 'Visitas anteriores' });
    const visit = (await past.locator('li').first().textContent())!;
    expect(visit).toContain(' con ');
    expect(visit).toContain('Realizada');
    for (const heading of [
      'Datos personales',
      'Contacto',
      'Contacto de emergencia',
      'Clínica y mensajes',
      'Seguro médico',
    ])
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    const details = (await page.locator('main').textContent())!;
    for (const words of [
      'Fecha de nacimiento',
      'Sexo asignado al nacer',
      'Recordatorios de citas',
      'Actualizado por última vez el',
    ])
      expect(details).toContain(words);
    for (const english of ['Personal details', 'Not given', 'Last updated', 'Born ', 'Past visits', 'Insurance'])
      expect(details).not.toContain(english);
    await page.getByRole('link', { name: 'Cambiar mis datos de contacto' }).waitFor();
    await page.getByRole('link', { name: 'Mi cuestionario de salud' }).waitFor();
    await clean(page, 'my details');
    await shotIfAsked(page, 'spanish-care-01c-my-details');
    await page.getByRole('link', { name: 'Cambiar mis datos de contacto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cambiar mis datos de contacto' }).waitFor();
    await page.getByRole('group', { name: 'Cómo podemos comunicarnos con usted' }).waitFor();
    await page.getByLabel('Teléfono del contacto de emergencia').waitFor();
    await page.getByRole('button', { name: 'Guardar los cambios' }).waitFor();
    await clean(page, 'my contact details form');
  }, 300_000);

  it('fills an NDI in Spanish and reads the trend in plain Spanish', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', `/patients/${patientId}/measures/new?instrument=ndi`);
    await page.getByRole('heading', { level: 1, name: 'Índice de discapacidad del cuello' }).waitFor();
    expect(await page.locator('fieldset.ms-section legend').first().textContent()).toBe(
      'Sección 1: Intensidad del dolor',
    );
    await clean(page, 'NDI form');
    for (let i = 0; i < 10; i++) await page.locator('fieldset.ms-section').nth(i).locator('input').nth(1).check();
    await shotIfAsked(page, 'spanish-care-02-ndi');
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    const result = page.locator('.ch-confirmation');
    await result.getByRole('heading', { name: 'Gracias, sus respuestas se enviaron' }).waitFor();
    expect(await result.textContent()).toContain('10 de 50');
    await clean(page, 'NDI result');

    await page.getByRole('link', { name: 'Volver a mis datos' }).click();
    const words = page.locator('.ms-trend-words').first();
    await words.waitFor();
    // 30 to 10 of 50: far past the NDI's minimal important change.
    expect(await words.textContent()).toBe(
      'Su puntuación de cuánto le limita el cuello en la vida diaria bajó de 30 a 10: ' +
        'un cambio que la mayoría de las personas nota.',
    );
  }, 300_000);

  it('reads home care in Spanish and downloads its PDF in Spanish', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', '/home-care');
    await page.getByRole('heading', { level: 1, name: 'Cuidados en casa' }).waitFor();
    const plan = page.locator('article.hc-plan').first();
    const text = (await plan.textContent())!;
    for (const words of ['Después de hoy', 'Tome de 2 a 3 vasos de agua', 'Llame a la clínica si', 'Sus estiramientos'])
      expect(text).toContain(words);
    expect(text).not.toContain('After today');
    // The stretch for the treated muscle, in the Spanish written for patients.
    expect(text).toContain('Aflojar la parte de arriba del hombro');
    expect(text).toContain('Apriete la parte de arriba del hombro');
    expect(text).not.toContain('Shoulder ridge release');
    await clean(page, 'home care');
    await shotIfAsked(page, 'spanish-care-03-home-care');
    const href = (await plan.getByRole('link', { name: /Descargar para imprimir/ }).getAttribute('href'))!;
    const pdf = await page.request.get(app.url + href);
    expect(pdf.status()).toBe(200);
    const pdfText = await pdfWords(Buffer.from(await pdf.body()));
    expect(pdfText).toContain('Sus cuidados en casa');
    expect(pdfText).toContain('Después de hoy');
    expect(pdfText).toContain('Tome de 2 a 3 vasos de agua');
    expect(pdfText).toMatch(/\d{1,2} de [a-z]+ de \d{4}/);
    expect(pdfText).not.toContain('After today');
    expect(pdfText).toContain('Aflojar la parte de arriba del hombro');
    expect(pdfText).not.toContain('Shoulder ridge release');
  }, 300_000);

  it('changes the password and is told in Spanish when the current one is wrong', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', '/account/password');
    await page.getByRole('heading', { level: 1, name: 'Cambiar la contraseña' }).waitFor();
    await page.getByLabel('Contraseña actual').fill('no-es-la-contraseña');
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('tres palabras sin relación');
    await page.getByLabel('Confirme la contraseña nueva').fill('tres palabras sin relación');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.locator('.error-summary', { hasText: 'La contraseña actual no es correcta.' }).waitFor();
    await clean(page, 'password refused');
    await shotIfAsked(page, 'spanish-care-04-password');
  }, 300_000);

  it('finds the public pages from the sign-in page, in English and in Spanish', async () => {
    const [org] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [app.orgId]);
    const page = await app.open(VIEWPORTS.phone);
    await page.goto(`${app.url}/login?org=${org!.slug}`);
    const link = page.getByRole('link', { name: 'See what to expect and book a first visit' });
    expect(await link.getAttribute('href')).toBe(`/start/${org!.slug}`);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    const spanish = page.getByRole('link', { name: 'Vea qué esperar y pida su primera visita' });
    expect(await page.locator('.signin-new').textContent()).toContain('¿Es su primera vez?');
    await clean(page, 'sign-in in Spanish');
    await spanish.click();
    await page.waitForURL(`${app.url}/start/${org!.slug}`);
    await page.locator('main h1').first().waitFor();
    // Once this device has opened the public pages, the plain sign-in page offers them again.
    await page.goto(`${app.url}/login`);
    expect(
      await page.getByRole('link', { name: 'Vea qué esperar y pida su primera visita' }).getAttribute('href'),
    ).toBe(`/start/${org!.slug}`);
  }, 300_000);
});
