import { Command, CommanderError } from 'commander';
import { ServiceError } from '../services/errors.ts';
import { DataDirLockedError } from '../store/lock.ts';
import { registerClinicalCommands } from './commands/clinical.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerStatsCommands } from './commands/stats.ts';

export function buildProgram(): Command {
  const program = new Command('knotwork')
    .description('Knotwork — practice platform for neuromuscular therapy clinics')
    .exitOverride()
    .showHelpAfterError();
  registerServerCommands(program);
  registerDataCommands(program);
  registerClinicalCommands(program);
  registerStatsCommands(program);
  return program;
}

/** Runs the CLI; a user error prints its message and exits 2, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof CliError || err instanceof DataDirLockedError || err instanceof ServiceError) {
      process.stderr.write(`knotwork: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

/** An error caused by what the user typed: printed plainly, exit status 2. */
export class CliError extends Error {}
