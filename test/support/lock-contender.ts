/**
 * A process that competes for a data-folder lock on command, for the lock race test.
 * stdin: "go <folder>" → tries to take the folder's lock and answers "won" or "lost";
 * "release" → lets go of a lock it won. Stays up between rounds, so rounds cost no start-up.
 */
import { createInterface } from 'node:readline';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../../src/store/lock.ts';

let held: DataDirLock | null = null;
const say = (line: string) => process.stdout.write(`${line}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, dir] = line.split(' ');
  if (command === 'go') {
    try {
      held = acquireDataDirLock(dir!);
      say('won');
    } catch (err) {
      say(err instanceof DataDirLockedError ? 'lost' : `error ${(err as Error).message}`);
    }
  } else if (command === 'release') {
    held?.release();
    held = null;
    say('released');
  }
});
say('ready');
