import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/support/db.ts';
import { httpSuite } from '../../test/support/http-suite.ts';
import { allNoAnswers } from '../clinical/screening/fixtures.ts';
import { QUESTION_TEXT } from '../clinical/screening/index.ts';
import { spanishRefusal } from './refusal-words.ts';

const SPANISH = { 'accept-language': 'es-US,es;q=0.9' };

describe.each(BACKENDS)("refusals on the patient's pages, in the reader's language, on %s", (backend) => {
  const h = httpSuite(backend, { bookable: true });

  it('name the unanswered health questions in Spanish when the page is in Spanish', async () => {
    const answers = allNoAnswers();
    const questions: Record<string, string> = { ...answers.questions };
    delete questions.bloodClot;
    delete questions.epilepsy;
    const res = await h.as(
      'patient',
      'POST',
      `/api/patients/${h.world.patients.a}/intake`,
      { answers: { ...answers, questions }, goals: ['dormir'], painMap: [{ region: 'temple-right', intensity: 5 }] },
      SPANISH,
    );
    expect(res.statusCode).toBe(422);
    const error = res.json().error as { code: string; message: string; fields: Record<string, string> };
    expect(error.code).toBe('validation_failed');
    expect(error.fields['answers.questions.bloodClot']).toBe(
      `Responda sí, no o no estoy seguro: ${QUESTION_TEXT.es.bloodClot}`,
    );
    expect(error.message).toContain('Faltan 2 preguntas de salud');
  });

  it('refuse a wrong current password and a weak new one in Spanish, and in English without the header', async () => {
    const wrong = await h.as(
      'patient',
      'POST',
      '/api/auth/password',
      { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' },
      SPANISH,
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields.currentPassword).toBe('La contraseña actual no es correcta.');
    const weak = await h.as(
      'patient',
      'POST',
      '/api/auth/password',
      { currentPassword: 'whatever-it-is', newPassword: 'short' },
      SPANISH,
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toMatch(/^Use al menos \d+ caracteres\.$/);
    const english = await h.as('patient', 'POST', '/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a-brand-new-password',
    });
    expect(english.json().error.fields.currentPassword).toBe('The current password is not right.');
  });

  it("refuse a patient's own mistyped phone and ZIP code in Spanish", async () => {
    const id = h.world.patients.a;
    const { version } = (await h.as('patient', 'GET', `/api/patients/${id}`)).json() as { version: number };
    const res = await h.as(
      'patient',
      'PATCH',
      `/api/patients/${id}`,
      { version, phone: 'llámame', address: { line1: 'Calle 1', city: 'Beaverton', state: 'OR', postalCode: '970' } },
      SPANISH,
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as Record<string, string>;
    expect(fields.phone).toBe('Use números, espacios, guiones, puntos o paréntesis, por ejemplo 503-555-0142.');
    expect(fields['address.postalCode']).toBe('Escriba un código postal, por ejemplo 97005.');
  });

  it('refuse a mistyped email in Spanish on My details and when signing up', async () => {
    const EMAIL_ES = 'Escriba su correo electrónico completo, por ejemplo nombre@ejemplo.com.';
    const id = h.world.patients.a;
    const { version } = (await h.as('patient', 'GET', `/api/patients/${id}`)).json() as { version: number };
    const details = await h.as('patient', 'PATCH', `/api/patients/${id}`, { version, email: 'rosa en casa' }, SPANISH);
    expect(details.statusCode).toBe(400);
    expect(details.json().error.fields.email).toBe(EMAIL_ES);
    const [org] = await h.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [h.world.orgId]);
    const signUp = await h.app.inject({
      method: 'POST',
      url: `/api/public/${org!.slug}/sign-ups`,
      headers: { ...SPANISH, 'idempotency-key': 'sign-up-with-a-mistyped-email' },
      payload: {
        email: 'rosa.mendez(at)example.org',
        password: 'a long enough password',
        givenName: 'Rosa',
        familyName: 'Mendez',
        dateOfBirth: '1979-04-12',
        locale: 'es',
      },
    });
    expect(signUp.statusCode).toBe(400);
    const error = signUp.json().error as { message: string; fields: Record<string, string> };
    expect(error.fields.email).toBe(EMAIL_ES);
    expect(error.message).toBe(EMAIL_ES);
  });
});

describe('a refusal in Spanish', () => {
  it('keeps a sentence it has no Spanish for, rather than guessing', () => {
    expect(spanishRefusal('Something only staff read.')).toBe('Something only staff read.');
    expect(spanishRefusal('That time was just booked by someone else.')).toBe(
      'Otra persona acaba de reservar esa hora.',
    );
  });
});
