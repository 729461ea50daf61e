import type { Command } from 'commander';
import { registerAtlasCommands } from './atlas.ts';
import { registerScreenCommand } from './screen.ts';
import { registerScoreCommand } from './score.ts';
import { registerUnitsCommand } from './units.ts';

/** The clinical-core commands: pure functions of their arguments, no database. */
export function registerClinicalCommands(program: Command): void {
  registerAtlasCommands(program);
  registerScreenCommand(program);
  registerScoreCommand(program);
  registerUnitsCommand(program);
}
