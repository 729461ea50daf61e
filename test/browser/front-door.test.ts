import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listMessages } from '../../src/store/repos/outbox.ts';
import { VIEWPORTS, browserSuite, seriousViolations, shotIfAsked } from './support.ts';

/**
 * The front door on a phone, in each language: what to expect → self-check → where it hurts → is it
 * safe → sites → an account → the emailed link → straight on to booking the time chosen before the
 * account existed. Every page is axe-clean and switches language and back.
 */
const app = browserSuite({ pageOptions: { timeout: 15_000 } });

const WORDS = {
  en: {
    other: 'Español',
    back: 'English',
    about: 'What neuromuscular therapy is, and what to expect',
    selfCheck: 'Could neuromuscular therapy help you?',
    selfCheckSubmit: 'See what this means',
    selfCheckResult: 'Your self-check',
    book: 'Book a first visit',
    where: 'Where does it hurt?',
    search: 'Or type where it hurts, in your own words',
    phrase: 'front of my thigh',
    sartorius: 'Sartorius',
    check: 'What a therapist will check',
    safety: 'Is it safe for me?',
    safetySubmit: 'See my answer',
    doctor: 'Please see your doctor first.',
    clearance: 'Print the clearance request for your doctor (PDF)',
    sites: 'Our sites',
    start: 'Create your account',
    given: 'First name',
    family: 'Last name',
    birth: 'Date of birth',
    email: 'Email address',
    password: 'Choose a password',
    create: 'Create my account',
    checkEmail: 'Check your email',
    confirm: 'Check your booking',
    confirmButton: 'Confirm booking',
    booked: 'Your appointment is booked',
  },
  es: {
    other: 'English',
    back: 'Español',
    about: 'Qué es la terapia neuromuscular y qué esperar',
    selfCheck: '¿Le podría ayudar la terapia neuromuscular?',
    selfCheckSubmit: 'Ver qué significa',
    selfCheckResult: 'Su autoevaluación',
    book: 'Reservar una primera visita',
    where: '¿Dónde le duele?',
    search: 'O escriba dónde le duele, con sus propias palabras',
    phrase: 'parte delantera del muslo',
    sartorius: 'Sartorio',
    check: 'Lo que revisará un terapeuta',
    safety: '¿Es seguro para mí?',
    safetySubmit: 'Ver mi resultado',
    doctor: 'Por favor, consulte primero a su médico.',
    clearance: 'Imprimir la solicitud de autorización para su médico (PDF)',
    sites: 'Nuestras clínicas',
    start: 'Cree su cuenta',
    given: 'Nombre',
    family: 'Apellido',
    birth: 'Fecha de nacimiento',
    email: 'Correo electrónico',
    password: 'Elija una contraseña',
    create: 'Crear mi cuenta',
    checkEmail: 'Revise su correo',
    confirm: 'Revise su cita',
    confirmButton: 'Confirmar la cita',
    booked: 'Su cita quedó reservada',
  },
} as const;
type Lang = keyof typeof WORDS;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** The page is axe-clean, and its language switch turns the page over and back (heading and lang). */
async function checkPage(page: Page, lang: Lang, heading: string, otherHeading: string): Promise<void> {
  await h1(page, heading).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  const other: Lang = lang === 'en' ? 'es' : 'en';
  await page.getByRole('button', { name: WORDS[lang].other }).click();
  await h1(page, otherHeading).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(other);
  await page.getByRole('button', { name: WORDS[other].other }).click();
  await h1(page, heading).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function walk(lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const o = WORDS[lang === 'en' ? 'es' : 'en'];
  const page = await app.open(VIEWPORTS.phone);
  await page.goto(`${app.url}/start/demo`);
  if (lang === 'es') await page.getByRole('button', { name: 'Español' }).click();
  const nav = page.getByRole('navigation');

  // What NMT is and what to expect: the organisation's text in the page's language.
  await checkPage(page, lang, w.about, o.about);
  await shotIfAsked(page, `front-${lang}-01-about`);

  // Self-check: a plain result and "Book a first visit".
  await nav.getByRole('link', { name: lang === 'en' ? 'Self-check' : 'Autoevaluación' }).click();
  await checkPage(page, lang, w.selfCheck, o.selfCheck);
  for (const i of [0, 1, 2]) await page.getByRole('checkbox').nth(i).check();
  await page.getByRole('button', { name: w.selfCheckSubmit }).click();
  await h1(page, w.selfCheckResult).waitFor();
  await page.getByRole('link', { name: w.book }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // Where does it hurt: one side of the body at a time, and words searched.
  await nav.getByRole('link', { name: w.where }).click();
  await checkPage(page, lang, w.where, o.where);
  expect(await page.locator('.ch-toggle[aria-pressed="true"]').count()).toBe(1);
  await page.getByRole('searchbox', { name: w.search }).fill(w.phrase);
  await page.getByRole('heading', { level: 2, name: w.check }).waitFor();
  await page.locator('.front-muscles h3', { hasText: w.sartorius }).waitFor();
  expect(await page.locator('.front-muscles li').count()).toBeGreaterThan(1);
  expect(await seriousViolations(page)).toEqual([]);
  await shotIfAsked(page, `front-${lang}-02-where`);

  // Is it safe: a blood clot stops here, with the doctor's clearance request to print.
  await nav.getByRole('link', { name: w.safety }).click();
  await checkPage(page, lang, w.safety, o.safety);
  await page.locator('#safety-bloodClot').check();
  await page.getByRole('button', { name: w.safetySubmit }).click();
  await page.getByRole('status').filter({ hasText: w.doctor }).waitFor();
  const clearance = page.getByRole('link', { name: w.clearance });
  const href = (await clearance.getAttribute('href'))!;
  const pdf = await page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { type: response.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
  }, href);
  expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
  expect(await seriousViolations(page)).toEqual([]);

  // Sites: hours, prices, therapists, and a free first visit chosen before any account.
  await nav.getByRole('link', { name: w.sites }).click();
  await checkPage(page, lang, w.sites, o.sites);
  const firstSite = page.locator('.front-site').first();
  expect(await firstSite.locator('.front-hours tr').count()).toBe(7);
  expect(await firstSite.textContent()).toMatch(/\$\d+\.\d{2}/);
  await shotIfAsked(page, `front-${lang}-03-sites`);
  await firstSite.locator('.front-time').first().click();

  // Start: the account; what was typed survives a trip to another page and back.
  await checkPage(page, lang, w.start, o.start);
  await page.locator('.front-chosen').waitFor();
  const email = `front.${lang}@example.test`;
  await page.getByLabel(w.given).fill('Ana');
  await page.getByLabel(w.family).fill(lang === 'en' ? 'Front' : 'Puerta');
  await page.getByLabel(w.birth).fill('1984-03-09');
  await page.getByLabel(w.email).fill(email);
  await nav.getByRole('link', { name: w.sites }).click();
  await h1(page, w.sites).waitFor();
  await page.goBack();
  await h1(page, w.start).waitFor();
  expect(await page.getByLabel(w.email).inputValue()).toBe(email);
  expect(await page.getByLabel(w.given).inputValue()).toBe('Ana');
  await page.getByLabel(w.password).fill('a long front door password');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: w.create }).click();
  await checkPage(page, lang, w.checkEmail, o.checkEmail);

  // The link from the email (through the outbox) finishes the account and goes on to booking the chosen time.
  const mail = (await listMessages(app.db, { orgId: app.orgId })).filter(
    (m) => m.kind === 'sign-up' && m.toAddress === email,
  );
  expect(mail).toHaveLength(1);
  const link = /\/start\/demo\/verify\?token=\S+/.exec(mail[0]!.text)![0];
  await page.goto(`${app.url}${link}`);
  await h1(page, w.confirm).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: w.confirmButton }).click();
  await h1(page, w.booked).waitFor();
  await shotIfAsked(page, `front-${lang}-04-booked`);
}

describe('the front door on a phone', () => {
  it('walks from what to expect to a booked first visit, in English', () => walk('en'), 180_000);
  it('walks from what to expect to a booked first visit, in Spanish', () => walk('es'), 180_000);
});

describe('the "what to expect" text, edited by an administrator', () => {
  it('is saved per language and read on the public page in that language', async () => {
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'admin', '/admin/about');
    await h1(page, 'What to expect (public pages)').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    const heading = page.getByLabel('Heading').first();
    await expect.poll(() => heading.inputValue()).not.toBe('');
    await heading.fill('Su primera visita en Woodburn');
    await page.getByRole('button', { name: 'Save the Español text' }).click();
    await page.getByRole('status').filter({ hasText: 'Español text saved.' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const visitor = await app.open(VIEWPORTS.phone);
    await visitor.goto(`${app.url}/start/demo`);
    await visitor.getByRole('button', { name: 'Español' }).click();
    await visitor.getByRole('heading', { level: 2, name: 'Su primera visita en Woodburn' }).waitFor();
    await visitor.getByRole('button', { name: 'English' }).click();
    await h1(visitor, WORDS.en.about).waitFor();
    expect(await visitor.locator('main').textContent()).not.toContain('Woodburn');

    // Nobody else is offered the screen: the session says so, from the server's policies.
    const manager = await (
      await app.api('manager')
    )<{ user: { can: { editPublicText: boolean } } }>('GET', '/api/auth/session');
    expect(manager.user.can.editPublicText).toBe(false);
  }, 120_000);
});
