import { useEffect, useState } from 'react';
import { listLocations } from './api/locations.ts';
import type { Location } from './api/types.ts';

// Site names appear on many screens; fetch them once per page load. A failure (route not there
// yet, no access) leaves the map empty and screens fall back to "—".
let locationsPromise: Promise<Location[]> | null = null;

export function useLocations(): Location[] {
  const [locations, setLocations] = useState<Location[]>([]);
  useEffect(() => {
    let live = true;
    locationsPromise ??= listLocations().catch(() => {
      locationsPromise = null;
      return [];
    });
    void locationsPromise.then((list) => live && setLocations(list));
    return () => {
      live = false;
    };
  }, []);
  return locations;
}

export function useLocationNames(): Map<string, string> {
  const locations = useLocations();
  return new Map(locations.map((location) => [location.id, location.name]));
}

export function siteNames(ids: string[], names: Map<string, string>): string {
  if (ids.length === 0) return '—';
  return ids.map((id) => names.get(id) ?? 'Unknown site').join(', ');
}
