import type { SessionUser } from '../../api/types.ts';
import { CAN } from '../../session.tsx';

/**
 * Mirrors the server's `schedule.manage` / `location.manage`: admins manage every site, managers
 * only when every site involved is one of theirs. The server decides; this only hides controls.
 */
export function canManageSites(user: SessionUser, locationIds: readonly string[]): boolean {
  if (!CAN.manageSchedules(user.role)) return false;
  if (user.role === 'admin') return true;
  return locationIds.length > 0 && locationIds.every((id) => user.locationIds.includes(id));
}
