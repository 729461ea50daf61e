import { setOfflineAnswer, setTabletPaths } from '../api/http.ts';
import type { Session } from '../api/types.ts';
import { answerOffline } from './answer.ts';
import { serverPath } from './new-note.ts';
import { keepDay, sendOutbox } from './sync.ts';
import { closeTablet, openTablet, resumeTablet } from './tablet.ts';

setOfflineAnswer(answerOffline);
setTabletPaths(serverPath);

/**
 * A session began or was found on opening the app: a therapist's tablet opens its store, sends what
 * waits, then keeps today's visits. Other roles keep nothing.
 */
export function startTablet(session: Session): void {
  if (!session.user.can.myDay) return;
  void openTablet(session).then(async () => {
    await sendOutbox().catch(() => undefined);
    await keepDay().catch(() => undefined);
  });
}

/** The session this tab had, when the app opens without a connection. */
export function resumeOffline(): Session | null {
  return resumeTablet();
}

export function endTablet(): Promise<void> {
  return closeTablet();
}
