import type { Command } from 'commander';
import { registerAdminCommands } from './data/admin.ts';
import { registerBackupCommands } from './data/backup.ts';
import { registerDemoCommand } from './data/demo.ts';

/** demo, org create, user create, backup, restore: the commands that write the database. */
export function registerDataCommands(program: Command): void {
  registerDemoCommand(program);
  registerAdminCommands(program);
  registerBackupCommands(program);
}
