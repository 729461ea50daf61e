import { describe, expect, it } from 'vitest';
import { post } from './ledger.ts';
import type { PostedEntry, PostingRequest } from './ledger.ts';
import { money } from './money.ts';
import {
  arAgingByPayer,
  arAgingTable,
  authorizationsRunningOut,
  csvDollars,
  reportCsv,
  revenueReport,
  revenueTable,
  runningOutTable,
  unbilledTable,
  unbilledVisits,
} from './reports.ts';
import type { AuthorizationInUse, ChargeForRevenue, VisitToBill } from './reports.ts';
import { accountStatement } from './statement.ts';

const ZONE = 'America/New_York';
const AS_OF = '2026-06-30';

function postAll(requests: PostingRequest[]): readonly PostedEntry[] {
  return requests.reduce<readonly PostedEntry[]>((entries, request) => {
    const result = post(entries, request, { id: `e${entries.length + 1}`, postedAt: '2026-06-30T16:00:00Z' });
    if (!result.ok) throw new Error(result.refused.message);
    return result.entries;
  }, []);
}

describe('A/R aging by payer', () => {
  const entries = postAll([
    { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(10000), serviceDate: '2026-03-01' },
    { kind: 'charge', patientId: 'p2', payerId: 'acme', amount: money(8000), serviceDate: '2026-05-10' },
    { kind: 'charge', patientId: 'p1', payerId: 'fund', amount: money(6000), serviceDate: '2026-06-20' },
    { kind: 'charge', patientId: 'p3', amount: money(4550), serviceDate: '2026-05-25' },
    { kind: 'payment', patientId: 'p1', payerId: 'acme', amount: money(2500), method: 'transfer' },
  ]);

  it('sums each payer over its patients, patients last, with a total row', () => {
    const report = arAgingByPayer({ entries, asOf: AS_OF, timeZone: ZONE, payerNames: { acme: 'Acme Auto' } });
    expect(report.rows).toEqual([
      {
        payerId: 'acme',
        payer: 'Acme Auto',
        buckets: { '0-30': 0, '31-60': 8000, '61-90': 0, '90+': 7500 },
        balance: 15500,
      },
      { payerId: 'fund', payer: 'fund', buckets: { '0-30': 6000, '31-60': 0, '61-90': 0, '90+': 0 }, balance: 6000 },
      {
        payerId: null,
        payer: 'Patients (own share)',
        buckets: { '0-30': 0, '31-60': 4550, '61-90': 0, '90+': 0 },
        balance: 4550,
      },
    ]);
    expect(report.total).toEqual({
      buckets: { '0-30': 6000, '31-60': 12550, '61-90': 0, '90+': 7500 },
      balance: 26050,
    });
  });

  it('writes CSV with plain headings and dollar amounts', () => {
    const csv = reportCsv(arAgingTable(arAgingByPayer({ entries, asOf: AS_OF, timeZone: ZONE })));
    expect(csv.split('\r\n')).toEqual([
      'Payer,0-30 days,31-60 days,61-90 days,Over 90 days,Balance',
      'acme,0.00,80.00,0.00,75.00,155.00',
      'fund,60.00,0.00,0.00,0.00,60.00',
      'Patients (own share),0.00,45.50,0.00,0.00,45.50',
      'Total,60.00,125.50,0.00,75.00,260.50',
      '',
    ]);
  });

  it('quotes a payer name with a comma', () => {
    const csv = reportCsv(
      arAgingTable(arAgingByPayer({ entries, asOf: AS_OF, timeZone: ZONE, payerNames: { acme: 'Acme, Inc.' } })),
    );
    expect(csv).toContain('"Acme, Inc.",0.00,80.00');
  });

  it('prints negative amounts with a leading minus', () => {
    expect([money(-305), money(5), money(123456)].map(csvDollars)).toEqual(['-3.05', '0.05', '1234.56']);
  });
});

describe('unbilled signed visits', () => {
  const visit = (visitId: string, overrides: Partial<VisitToBill> = {}): VisitToBill => ({
    visitId,
    patientName: `Patient ${visitId}`,
    serviceDate: '2026-06-20',
    siteName: 'Albany',
    therapistName: 'Dana Reyes',
    signed: true,
    selfPay: false,
    ...overrides,
  });

  it('lists signed visits without a posted charge, and payer visits on no claim, oldest first', () => {
    const rows = unbilledVisits({
      visits: [
        visit('unsigned', { signed: false }),
        visit('proposed-only', { serviceDate: '2026-06-25' }),
        visit('reversed', { serviceDate: '2026-06-01' }),
        visit('charged-unclaimed', { serviceDate: '2026-06-10' }),
        visit('claimed'),
        visit('self-pay-charged', { selfPay: true }),
      ],
      charges: [
        { visitId: 'proposed-only', status: 'proposed' },
        { visitId: 'reversed', status: 'reversed' },
        { visitId: 'charged-unclaimed', status: 'posted' },
        { visitId: 'claimed', status: 'posted' },
        { visitId: 'self-pay-charged', status: 'posted' },
      ],
      claims: [{ visitIds: ['claimed'] }],
      asOf: AS_OF,
    });
    expect(rows.map((r) => [r.visitId, r.reason, r.daysSinceService])).toEqual([
      ['reversed', 'no-charge', 29],
      ['charged-unclaimed', 'no-claim', 20],
      ['proposed-only', 'charge-not-posted', 5],
    ]);
    expect(reportCsv(unbilledTable(rows)).split('\r\n').slice(0, 3)).toEqual([
      'Date of service,Patient,Site,Therapist,What is missing,Days since visit',
      '2026-06-01,Patient reversed,Albany,Dana Reyes,No charge posted,29',
      '2026-06-10,Patient charged-unclaimed,Albany,Dana Reyes,"Charged, not on a claim",20',
    ]);
  });
});

describe('authorizations running out', () => {
  const auth = (id: string, overrides: Partial<AuthorizationInUse> = {}): AuthorizationInUse => ({
    id,
    unit: 'visits',
    authorized: 12,
    startsOn: '2026-05-01',
    endsOn: '2026-09-30',
    patientName: 'Ana Rivera',
    payerName: 'Acme Auto',
    used: 2,
    ...overrides,
  });

  it('lists those at or below the threshold or ending within the window, soonest end first', () => {
    const rows = authorizationsRunningOut({
      authorizations: [
        auth('plenty'),
        auth('three-left', { used: 9 }),
        auth('four-left', { used: 8 }),
        auth('used-up', { used: 12 }),
        auth('ends-soon', { endsOn: '2026-07-14' }),
        auth('ends-after-window', { endsOn: '2026-07-15' }),
        auth('ended', { endsOn: '2026-06-29', used: 12 }),
      ],
      asOf: AS_OF,
      remainingAtOrBelow: 3,
      endingWithinDays: 14,
    });
    expect(rows.map((r) => [r.authorizationId, r.label, r.fewLeft, r.endsSoon, r.daysToEnd])).toEqual([
      ['ends-soon', '10 of 12 visits left', false, true, 14],
      ['used-up', '0 of 12 visits left', true, false, 92],
      ['three-left', '3 of 12 visits left', true, false, 92],
    ]);
    expect(runningOutTable(rows).rows.map((r) => r[5])).toEqual(['Ends soon', 'Used up', 'Few left']);
    expect(runningOutTable(rows).columns).toEqual(['Patient', 'Payer', 'Left', 'Ends on', 'Days to end', 'Why listed']);
  });
});

describe('revenue by site, therapist and service', () => {
  const charge = (chargeId: string, overrides: Partial<ChargeForRevenue> = {}): ChargeForRevenue => ({
    chargeId,
    serviceDate: '2026-06-10',
    siteId: 's1',
    siteName: 'Albany',
    therapistId: 't1',
    therapistName: 'Dana Reyes',
    code: '97140',
    units: 2,
    amount: money(9000),
    status: 'posted',
    ...overrides,
  });
  const charges = [
    charge('c1'),
    charge('c2', { code: '97112', units: 1, amount: money(5000), therapistId: 't2', therapistName: 'Sam Okafor' }),
    charge('c3', { siteId: 's2', siteName: 'Troy', serviceDate: '2026-06-30' }),
    charge('before', { serviceDate: '2026-05-31' }),
    charge('after', { serviceDate: '2026-07-01' }),
    charge('reversed', { status: 'reversed' }),
    charge('proposed', { status: 'proposed' }),
  ];

  it('counts posted charges whose date of service falls in the period, both ends included', () => {
    const bySite = revenueReport({ charges, from: '2026-06-01', to: '2026-06-30', by: ['site'] });
    expect(bySite.rows).toEqual([
      { keys: ['s1'], labels: ['Albany'], lines: 2, units: 3, amount: 14000 },
      { keys: ['s2'], labels: ['Troy'], lines: 1, units: 2, amount: 9000 },
    ]);
    expect(bySite.total).toEqual({ lines: 3, units: 5, amount: 23000 });
  });

  it('groups by therapist and by service, with service labels', () => {
    const byTherapist = revenueReport({ charges, from: '2026-06-01', to: '2026-06-30', by: ['therapist'] });
    expect(byTherapist.rows.map((r) => [r.labels, r.amount])).toEqual([
      [['Dana Reyes'], 18000],
      [['Sam Okafor'], 5000],
    ]);
    const byService = revenueReport({
      charges,
      from: '2026-06-01',
      to: '2026-06-30',
      by: ['service'],
      serviceLabels: { '97140': 'manual therapy' },
    });
    expect(reportCsv(revenueTable(byService)).split('\r\n')).toEqual([
      'Service,Charge lines,Units,Charges',
      '97140 manual therapy,2,4,180.00',
      '97112,1,1,50.00',
      'Total,3,5,230.00',
      '',
    ]);
  });

  it('crosses dimensions: each therapist at each site', () => {
    const report = revenueReport({ charges, from: '2026-06-01', to: '2026-06-30', by: ['site', 'therapist'] });
    expect(reportCsv(revenueTable(report)).split('\r\n')).toEqual([
      'Site,Therapist,Charge lines,Units,Charges',
      'Albany,Dana Reyes,1,2,90.00',
      'Troy,Dana Reyes,1,2,90.00',
      'Albany,Sam Okafor,1,1,50.00',
      'Total,,3,5,230.00',
      '',
    ]);
  });
});

describe("a receivable's statement", () => {
  it('runs the balance through charges, payments and a reversal', () => {
    const base = postAll([
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(9000), serviceDate: '2026-06-02' },
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(5000), serviceDate: '2026-06-09' },
      { kind: 'charge', patientId: 'p2', payerId: 'acme', amount: money(7000), serviceDate: '2026-06-09' },
      { kind: 'payment', patientId: 'p1', payerId: 'acme', amount: money(6000), method: 'check', reference: '10442' },
    ]);
    const reversed = post(
      base,
      { kind: 'reversal', entryId: 'e2', reason: 'wrong code' },
      { id: 'e5', postedAt: '2026-06-30T16:00:00Z' },
    );
    if (!reversed.ok) throw new Error(reversed.refused.message);
    const statement = accountStatement({
      entries: reversed.entries,
      account: { kind: 'payer', payerId: 'acme', patientId: 'p1' },
      timeZone: ZONE,
      descriptions: { e1: '97140 manual therapy, 2 units' },
    });
    expect(statement.lines.map((l) => [l.date, l.description, l.charge, l.credit, l.balance])).toEqual([
      ['2026-06-02', '97140 manual therapy, 2 units', 9000, 0, 9000],
      ['2026-06-09', 'Charge', 5000, 0, 14000],
      ['2026-06-30', 'Payment by check (ref. 10442)', 0, 6000, 8000],
      ['2026-06-30', 'Reversal of e2: wrong code', 0, 5000, 3000],
    ]);
    expect([statement.charges, statement.credits, statement.balance]).toEqual([14000, 11000, 3000]);
  });
});
