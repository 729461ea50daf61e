import { identifierSystem, type FhirContext } from '../../fhir/base.ts';
import {
  entryName,
  IMPORT_TYPES,
  readTransaction,
  transactionResponse,
  type EntryResult,
  type ImportEntry,
  type ImportProblem,
  type ImportType,
} from '../../fhir/import-bundle.ts';
import { readPatient, readPractitioner } from '../../fhir/import-people.ts';
import { readLocation, readPayer } from '../../fhir/import-places.ts';
import { EntryReader, identifierKeys } from '../../fhir/import-read.ts';
import { readAppointment, readCoverage } from '../../fhir/import-visits.ts';
import * as repo from '../../store/repos/fhir-import.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ServiceError, sqlState } from '../errors.ts';
import { authorize } from '../policies.ts';
import { fhirContext } from './context.ts';
import { writeEntry, type Draft, type WriteScope } from './import-write.ts';

/**
 * Importing a FHIR transaction Bundle: sites, payers, therapists, patients, coverages and appointments.
 * All or nothing, in one transaction: every entry is read and checked first, then written in an order
 * where each reference points at a record already written. An entry whose identifiers name a record
 * Knotwork already holds (its own identifier, or one an earlier import kept) is matched, not written
 * again, so importing the same Bundle twice changes nothing. An administrator's work: it adds sites,
 * therapists and payers, which only an administrator adds.
 */
export class ImportRefused extends ServiceError {
  override readonly status: number;
  constructor(readonly problems: ImportProblem[]) {
    super('import_refused', `Nothing was imported. ${problems.map((p) => p.text).join(' ')}`);
    this.status = problems.every((p) => p.code === 'conflict') ? 409 : 400;
  }
}

export interface ImportSummary {
  results: EntryResult[];
  created: number;
  matched: number;
}

/** The kind under which Knotwork publishes a record's own identifier (see `fhir/base.ts`). */
const OWN_KIND: Partial<Record<ImportType, string>> = {
  Patient: 'patient',
  Practitioner: 'therapist',
  Location: 'location',
  Organization: 'payer',
  Coverage: 'coverage',
};

/** Identifiers that describe rather than name a record (a member id is shared by a family's coverages). */
const NOT_KEYS = /\/identifier\/(member-id|claim-number)$/;

function read(entry: ImportEntry, orgTimeZone: string): { draft: Draft; problems: ImportProblem[] } {
  const reader = new EntryReader(entry);
  const draft = ((): Draft => {
    switch (entry.type) {
      case 'Patient':
        return { type: 'Patient', value: readPatient(reader) };
      case 'Practitioner':
        return { type: 'Practitioner', value: readPractitioner(reader) };
      case 'Location':
        return { type: 'Location', value: readLocation(reader, orgTimeZone) };
      case 'Organization':
        return { type: 'Organization', value: readPayer(reader) };
      case 'Coverage':
        return { type: 'Coverage', value: readCoverage(reader) };
      case 'Appointment':
        return { type: 'Appointment', value: readAppointment(reader) };
    }
  })();
  return { draft, problems: reader.problems };
}

/** An existing record the entry names by Knotwork's own identifier, or by one an earlier import kept. */
async function matchByIdentifier(scope: WriteScope, fhir: FhirContext, entry: ImportEntry) {
  const keys = identifierKeys(entry.resource).filter((k) => !NOT_KEYS.test(k.system));
  const kind = OWN_KIND[entry.type];
  const own = kind ? keys.find((k) => k.system === identifierSystem(fhir, kind)) : undefined;
  const { db, actor } = scope;
  if (own && entry.type === 'Location') {
    const bySlug = await repo.locationIdBySlug(db, actor.orgId, own.value);
    if (bySlug) return { id: bySlug, keys };
  } else if (own && (await repo.recordExists(db, actor.orgId, entry.type, own.value))) return { id: own.value, keys };
  return { id: await repo.findLinked(db, actor.orgId, entry.type, keys), keys };
}

/** What the database refused of one entry, in words; anything else is a fault and is rethrown. */
function refusal(entry: ImportEntry, err: unknown): ImportProblem[] {
  const name = entryName(entry.index, entry.type);
  if (err instanceof ServiceError) {
    const fields = Object.entries(err.fields ?? {});
    const code = err.code === 'conflict' ? 'conflict' : err.code === 'not_found' ? 'not-found' : 'invalid';
    if (fields.length === 0) return [{ entry: entry.index, path: '', text: `${name}: ${err.message}`, code }];
    return fields.map(([path, words]) => ({ entry: entry.index, path, text: `${name}: ${words}`, code }));
  }
  const state = sqlState(err);
  if (state === '23P01' || state === '23505')
    return [
      {
        entry: entry.index,
        path: '',
        text:
          `${name}: it clashes with a record Knotwork already holds (the same time already booked for the ` +
          'therapist or the patient, or the same short name).',
        code: 'conflict',
      },
    ];
  if (state?.startsWith('23') || state?.startsWith('22'))
    return [
      {
        entry: entry.index,
        path: '',
        text:
          `${name}: Knotwork cannot keep it as given: a value breaks one of the record's rules ` +
          '(check its codes, dates and numbers).',
        code: 'invalid',
      },
    ];
  throw err;
}

export async function importBundle(
  ctx: ServiceContext,
  actor: Actor,
  body: unknown,
  base: string,
): Promise<{ summary: ImportSummary; response: ReturnType<typeof transactionResponse> }> {
  authorize(actor, 'fhir.import');
  const { entries, problems } = readTransaction(body);
  const drafts = new Map<number, Draft>();
  for (const entry of entries) {
    const read1 = read(entry, actor.orgTimeZone);
    drafts.set(entry.index, read1.draft);
    problems.push(...read1.problems);
  }
  if (problems.length > 0) return refuse(ctx, actor, problems);
  const fhir = await fhirContext(ctx.db, actor);
  const ordered = [...entries].sort(
    (a, b) => IMPORT_TYPES.indexOf(a.type) - IMPORT_TYPES.indexOf(b.type) || a.index - b.index,
  );
  try {
    const results = await ctx.db.transaction(async (tx) => {
      const scope: WriteScope = { db: tx, now: ctx.now, actor, entries, ids: new Map() };
      const found: ImportProblem[] = [];
      const out = new Map<number, EntryResult>();
      for (const entry of ordered) {
        const draft = drafts.get(entry.index)!;
        try {
          const written = await tx.transaction(async (sp) => {
            const inner = { ...scope, db: sp };
            const match = await matchByIdentifier(inner, fhir, entry);
            if (match.id) return { id: match.id, created: false };
            const made = await writeEntry(inner, entry, draft);
            if ('id' in made && made.created)
              await repo.insertLinks(sp, actor.orgId, entry.type, match.keys, made.id, ctx.now());
            return made;
          });
          if ('problems' in written) found.push(...(written.problems as ImportProblem[]));
          else {
            scope.ids.set(entry.index, written.id);
            out.set(entry.index, { type: entry.type, ...written });
          }
        } catch (err) {
          found.push(...refusal(entry, err));
        }
      }
      if (found.length > 0) throw new ImportRefused(found);
      const list = entries.map((e) => out.get(e.index)!);
      await audit(tx, actor, [
        {
          action: 'fhir.import',
          recordType: 'fhir-bundle',
          detail: { created: countBy(list.filter((r) => r.created)), matched: countBy(list.filter((r) => !r.created)) },
        },
      ]);
      return list;
    });
    const created = results.filter((r) => r.created).length;
    return {
      summary: { results, created, matched: results.length - created },
      response: transactionResponse(base, results),
    };
  } catch (err) {
    if (err instanceof ImportRefused) return refuse(ctx, actor, err.problems);
    throw err;
  }
}

function countBy(results: readonly EntryResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
}

/** A refused Bundle leaves nothing behind but the audit entry that it was refused (no patient data in it). */
async function refuse(ctx: ServiceContext, actor: Actor, problems: ImportProblem[]): Promise<never> {
  await audit(ctx.db, actor, [
    { action: 'fhir.import-refused', recordType: 'fhir-bundle', detail: { problems: problems.length } },
  ]);
  throw new ImportRefused(problems);
}
