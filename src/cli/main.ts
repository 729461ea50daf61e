import { Command, CommanderError } from 'commander';
import { ServiceError, sqlState } from '../services/errors.ts';
import { DataDirLockedError } from '../store/lock.ts';
import { MigrationChangedError } from '../store/migrate.ts';
import { describeError } from '../http/error-log.ts';
import { linkSettings } from '../config.ts';
import { useLinkSettings } from '../services/notify/links.ts';
import { CliError } from './errors.ts';
import { registerClinicalCommands } from './commands/clinical.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerStatsCommands } from './commands/stats.ts';
import { registerFhirCommands } from './commands/fhir.ts';

export function buildProgram(): Command {
  const program = new Command('knotwork')
    .description('Knotwork — practice platform for neuromuscular therapy clinics')
    .exitOverride()
    .showHelpAfterError();
  registerServerCommands(program);
  registerDataCommands(program);
  registerClinicalCommands(program);
  registerStatsCommands(program);
  registerReportCommands(program);
  registerFhirCommands(program);
  return program;
}

/** Runs the CLI; a user error prints its message and exits 2, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  useLinkSettings(linkSettings());
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (
      err instanceof CliError ||
      err instanceof DataDirLockedError ||
      err instanceof MigrationChangedError ||
      err instanceof ServiceError
    ) {
      process.stderr.write(`knotwork: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (sqlState(err)) {
      // A database error carries the values it failed on (a patient's name, a date of birth):
      // print what and where, never those.
      const { frames, ...what } = describeError(err);
      process.stderr.write(
        `knotwork: database error ${JSON.stringify(what)}\n${frames.map((f) => `    ${f}`).join('\n')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}
