import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { isIsoDate } from '../../../time/index.ts';
import { DEFAULT_DEMO_PATIENTS, DEFAULT_DEMO_SEED, seedDemo, type DemoSummary } from '../../../demo/seed.ts';
import { findOrganizationBySlug } from '../../../services/organizations.ts';
import { DEMO_ORG_SLUG } from '../../../demo/accounts.ts';
import { todayIn } from '../../clock.ts';
import { TIME_ZONE as DEMO_TIME_ZONE } from '../../../demo/sites.ts';
import { CliError } from '../../errors.ts';
import { formatTable, parseWholeNumber, printJson, printLines, withDatabase } from './shared.ts';

/** Below this many patients seeding takes a couple of seconds: no bar needed. */
const PROGRESS_BAR_FROM = 2000;

interface DemoOptions {
  patients: number;
  seed: number;
  today?: string;
  json?: boolean;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Create the demo organisation "Knotwork Demo Clinics" (8 sites, ~30 therapists, invented patients)')
    .option('--patients <n>', 'number of invented patients', parseWholeNumber('--patients'), DEFAULT_DEMO_PATIENTS)
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same clinic',
      parseWholeNumber('--seed'),
      DEFAULT_DEMO_SEED,
    )
    .option(
      '--today <YYYY-MM-DD>',
      `date to build the demo around (default: today in ${DEMO_TIME_ZONE}, the demo clinics' zone)`,
    )
    .option('--json', 'print one JSON document')
    .action(async (options: DemoOptions) => {
      const today = options.today ?? todayIn(DEMO_TIME_ZONE);
      if (!isIsoDate(today)) throw new CliError(`--today must be a date YYYY-MM-DD, got "${today}"`);
      const summary = await withDatabase(async (db, where) => {
        if (await findOrganizationBySlug(db, DEMO_ORG_SLUG)) {
          throw new CliError(
            `${where} already has the demo organisation (slug "${DEMO_ORG_SLUG}"); use an empty database`,
          );
        }
        const bar =
          options.patients >= PROGRESS_BAR_FROM && process.stderr.isTTY
            ? new cliProgress.SingleBar(
                { stream: process.stderr, format: 'patients {bar} {value}/{total} {percentage}% ETA {eta}s' },
                cliProgress.Presets.shades_classic,
              )
            : null;
        bar?.start(options.patients, 0);
        try {
          return await seedDemo(db, {
            seed: options.seed,
            patients: options.patients,
            today,
            onProgress: (done) => bar?.update(done),
          });
        } finally {
          bar?.stop();
        }
      });
      if (options.json) printJson({ ...summary, today, seed: options.seed });
      else printLines(describeDemo(summary, today, options.seed));
    });
}

function describeDemo(summary: DemoSummary, today: string, seed: number): string[] {
  return [
    `Created "${summary.name}" (slug ${summary.slug}, seed ${seed}, built around ${today}).`,
    ...formatTable(
      ['what', 'count'],
      [
        ['sites', summary.locations],
        ['rooms', summary.rooms],
        ['closures', summary.closures],
        ['therapists', summary.therapists],
        ['credentials', summary.credentials],
        ['  expiring within 60 days', summary.credentialsExpiringSoon],
        ['  expired licences', summary.expiredLicences],
        ['user accounts', summary.users],
        ['patients', summary.patients],
        ['care relationships', summary.careRelationships],
      ],
    ),
    '',
    `Demo logins (password: ${summary.password}):`,
    ...formatTable(
      ['email', 'role'],
      summary.logins.map((login) => [login.email, `${login.role} — ${login.description}`]),
    ),
  ];
}
