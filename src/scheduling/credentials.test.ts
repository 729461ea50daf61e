import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, parseDate } from '../time/calendar.ts';
import { credentialGaps, describeGap, missingCredentials, qualifiedOnDay } from './credentials.ts';
import { MASSAGE_LICENCE, NMT_CERTIFICATION, serviceByCode } from './services.ts';
import { nmtCredentials } from '../../test/support/scheduling-fixtures.ts';
import type { Credential } from './credentials.ts';

const nmt = serviceByCode('nmt-initial-60')!;
const chiro = serviceByCode('chiro-adjustment-30')!;

describe('qualification gating', () => {
  it('accepts an active WA licence and a CNMT for a WA site', () => {
    expect(missingCredentials(nmt, nmtCredentials('WA'), 'WA', '2026-04-01')).toEqual([]);
  });

  it('names the licence when it expired before the appointment date, and accepts it on its last day', () => {
    const credentials = nmtCredentials('WA', '2026-03-31');
    expect(missingCredentials(nmt, credentials, 'WA', '2026-03-31')).toEqual([]);
    const gaps = credentialGaps(nmt.requirements, credentials, 'WA', '2026-04-01');
    expect(gaps.map((g) => [g.requirement, g.problem])).toEqual([[MASSAGE_LICENCE, 'expired']]);
    expect(describeGap(gaps[0]!, 'WA', '2026-04-01')).toContain('expired on 2026-03-31');
  });

  it('rejects a licence from another state for a WA site', () => {
    const gaps = credentialGaps(nmt.requirements, nmtCredentials('OR'), 'WA', '2026-04-01');
    expect(gaps.map((g) => g.problem)).toEqual(['other-state']);
    expect(describeGap(gaps[0]!, 'WA', '2026-04-01')).toContain('issued in OR');
    expect(missingCredentials(nmt, nmtCredentials('OR'), 'OR', '2026-04-01')).toEqual([]);
  });

  it('names the missing CNMT', () => {
    const licenceOnly = nmtCredentials('WA').filter((c) => c.kind === 'licence');
    expect(missingCredentials(nmt, licenceOnly, 'WA', '2026-04-01')).toEqual([NMT_CERTIFICATION]);
    expect(missingCredentials(nmt, [], 'WA', '2026-04-01')).toEqual([MASSAGE_LICENCE, NMT_CERTIFICATION]);
  });

  it('does not count a licence before its issue date, and accepts the older WA title LMP', () => {
    const future: Credential[] = [
      { kind: 'licence', type: 'LMP', issuer: 'wa', issuedOn: '2026-05-01' },
      ...nmtCredentials().slice(1),
    ];
    expect(credentialGaps(nmt.requirements, future, 'WA', '2026-04-30').map((g) => g.problem)).toEqual([
      'not-yet-valid',
    ]);
    expect(missingCredentials(nmt, future, 'WA', '2026-05-01')).toEqual([]);
  });

  it('does not let a massage licence stand in for a chiropractic one', () => {
    expect(missingCredentials(chiro, nmtCredentials('WA'), 'WA', '2026-04-01').map((r) => r.types)).toEqual([['DC']]);
  });

  it('the engine’s per-day predicate agrees with credentialGaps (property)', () => {
    const day0 = parseDate('2026-01-01')!;
    const dateArb = fc.integer({ min: -30, max: 60 }).map((d) => formatDate(day0 + d));
    const credentialArb: fc.Arbitrary<Credential> = fc.record({
      kind: fc.constantFrom('licence' as const, 'certification' as const),
      type: fc.constantFrom('LMT', 'lmp', 'CNMT', 'DC'),
      issuer: fc.constantFrom('WA', 'OR', ' wa'),
      issuedOn: fc.option(dateArb),
      expiresOn: fc.option(dateArb),
    });
    fc.assert(
      fc.property(
        fc.array(credentialArb, { maxLength: 4 }),
        fc.constantFrom('WA', 'OR'),
        dateArb,
        (credentials, state, date) => {
          expect(qualifiedOnDay(nmt.requirements, credentials, state)(parseDate(date)!)).toBe(
            missingCredentials(nmt, credentials, state, date).length === 0,
          );
        },
      ),
    );
  });
});
