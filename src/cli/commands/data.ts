import type { Command } from 'commander';

// Placeholder: demo, org/user administration, backup and restore (issue 2).
export function registerDataCommands(_program: Command): void {}
