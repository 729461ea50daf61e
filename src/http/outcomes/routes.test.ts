import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { seedOutcomeRows } from '../../../test/support/outcome-rows.ts';
import type { WorldRole } from '../../../test/support/world.ts';
import type { OutcomesAnswer } from '../../services/outcomes/index.ts';

describe.each(BACKENDS)('the outcomes routes on %s', (backend) => {
  const suite = httpSuite(backend, {
    signIn: ['admin', 'manager', 'therapist'],
    async setup() {
      await seedOutcomeRows(suite.db, suite.world);
    },
  });

  const get = (role: WorldRole, url: string) => suite.as(role, 'GET', url);

  it('scopes the report: the admin every site, the manager their own, the therapist their own episodes', async () => {
    const episodes = async (role: WorldRole) => ((await get(role, '/api/outcomes')).json() as OutcomesAnswer).report;
    const [admin, manager, therapist] = await Promise.all([
      episodes('admin'),
      episodes('manager'),
      episodes('therapist'),
    ]);
    expect(admin.overall.status === 'reported' && admin.overall.episodes).toBe(48);
    expect(manager.cuts.site!.map((r) => r.key)).toEqual([suite.world.sites.a]);
    expect(therapist.cuts.therapist!.map((r) => r.key)).toEqual([suite.world.therapists.a]);
    expect(manager.cuts.site![0]!.label).toMatch(/^Alpha /);
  });

  it('writes an audit event for each read, naming what was asked and whose episodes', async () => {
    await get('manager', '/api/outcomes?by=site&from=2026-02-01');
    const [event] = await suite.db.query<{ actorRole: string; detail: Record<string, unknown> }>(
      `SELECT actor_role AS "actorRole", detail FROM audit_events WHERE org_id = $1 AND action = 'outcomes.read'
        AND actor_user_id = $2 ORDER BY id DESC LIMIT 1`,
      [suite.world.orgId, suite.world.users.manager.id],
    );
    expect(event).toMatchObject({
      actorRole: 'manager',
      detail: { scope: 'sites', by: 'site', from: '2026-02-01', to: null },
    });
  });

  it('compares two sites by the log-rank test', async () => {
    const res = await get('admin', `/api/outcomes/compare?by=site&a=${suite.world.sites.a}&b=${suite.world.sites.b}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.labels[0]).toMatch(/^Alpha /);
    // The two sites were seeded alike: the test finds no difference.
    expect(body.result).toMatchObject({ status: 'reported', degreesOfFreedom: 1 });
    expect(body.result.pValue).toBeCloseTo(1, 5);
  });

  it('refuses bad questions in plain words, naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      ['/api/outcomes?definition=happiness', 'definition', /Choose one of: nprs-mcid, ndi-mcid, odi-mcid, psfs-mcid/],
      ['/api/outcomes?from=2026-05-01&to=2026-04-01', 'to', /on or after the start date/],
      ['/api/outcomes?by=weather', 'by', /Choose one of: condition, site, therapist, phase, period, definition/],
      ['/api/outcomes?from=2026-02-30', 'from', /YYYY-MM-DD/],
      ['/api/outcomes.csv?table=everything', 'table', /Choose one of: claim, curve, summary/],
      [`/api/outcomes/compare?by=site&a=${suite.world.sites.a}&b=${suite.world.sites.a}`, 'b', /two different groups/],
      [
        '/api/outcomes/compare?by=definition&a=x&b=y',
        'by',
        /Choose one of: condition, site, therapist, phase, period\./,
      ],
    ];
    for (const [url, field, message] of cases) {
      const res = await get('admin', url);
      expect({ url, status: res.statusCode < 500 && res.statusCode >= 400 }).toEqual({ url, status: true });
      const { error } = res.json() as { error: { fields: Record<string, string>; message: string } };
      expect({ url, field: error.fields[field] }).toEqual({ url, field: expect.stringMatching(message) });
    }
  });
});
