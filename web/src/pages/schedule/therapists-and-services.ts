import { useEffect, useState } from 'react';
import { getPatient } from '../../api/patients.ts';
import { listTherapists } from '../../api/therapists.ts';
import type { Therapist } from '../../api/types.ts';
import { listServices, type Service } from '../../api/scheduling.ts';

/** Loads a list once per page load and shares it; a failure leaves it empty and is tried again next time. */
function shared<T>(load: () => Promise<T[]>) {
  let promise: Promise<T[]> | null = null;
  return function useShared(): T[] | null {
    const [list, setList] = useState<T[] | null>(null);
    useEffect(() => {
      let live = true;
      promise ??= load().catch(() => {
        promise = null;
        return [];
      });
      void promise.then((value) => live && setList(value));
      return () => {
        live = false;
      };
    }, []);
    return list;
  };
}

/** Services that can be booked; null while loading. */
export const useServices = shared<Service>(async () => (await listServices()).filter((s) => s.active));
export const useTherapists = shared<Therapist>(() => listTherapists());

export function serviceName(services: Service[] | null, code: string): string {
  return services?.find((s) => s.code === code)?.name ?? code;
}

/** A calendar block is narrow: "Initial NMT consultation with assessment (90 min)" → "Initial · 90 min". */
export function shortServiceName(services: Service[] | null, code: string): string {
  const match = /^nmt-(initial|followup|maintenance)-(\d+)$/.exec(code);
  if (match)
    return `${{ initial: 'Initial', followup: 'Follow-up', maintenance: 'Maintenance' }[match[1]!]} · ${match[2]} min`;
  return serviceName(services, code).replace(/\s*\((\d+) min\)$/, ' · $1 min');
}

export function therapistName(therapists: Therapist[] | null, id: string): string {
  return therapists?.find((p) => p.id === id)?.name ?? 'Therapist';
}

// Patient names for calendar entries: each id is fetched once per page load (every read is
// audited on the server, so asking again would only add noise). null = not visible to this user.
const patientNames = new Map<string, Promise<string | null>>();

function patientName(id: string): Promise<string | null> {
  let name = patientNames.get(id);
  if (!name) {
    name = getPatient(id).then(
      (p) => `${p.givenName} ${p.familyName}`,
      () => null,
    );
    patientNames.set(id, name);
  }
  return name;
}

/** Names for the given patient ids, filled in as they arrive. */
export function usePatientNames(ids: string[]): Map<string, string | null> {
  const [names, setNames] = useState<Map<string, string | null>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(async (id) => [id, await patientName(id)] as const)).then((pairs) => {
      if (live) setNames(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
