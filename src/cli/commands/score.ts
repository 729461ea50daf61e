import type { Command } from 'commander';

// Placeholder: filled in by the clinical-core work (issue 3).
export function registerScoreCommand(_program: Command): void {}
