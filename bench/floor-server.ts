// The same-run floor of the throughput bench, started as its own process like the Knotwork server
// it is compared with: a minimal Fastify app on the same database doing the same SQL work as each
// measured route — the very repository statements, with no authentication, policy or presentation —
// and a bare route doing none. Settings come as one JSON argument; it prints "listening <url>".
import Fastify from 'fastify';
import type { Database } from '../src/store/database.ts';
import { insertAppointments } from '../src/store/repos/appointments.ts';
import { insertAuditEvents } from '../src/store/repos/audit.ts';
import { insertMessages, type NewMessage } from '../src/store/repos/outbox.ts';
import { findPatient, searchPatients } from '../src/store/repos/patients.ts';
import { openPglite } from '../src/store/pglite.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { interpretSearch } from '../src/services/patient-search.ts';

export interface FloorSettings {
  /** A PostgreSQL URL, or a PGlite data directory. */
  postgresUrl?: string;
  pgliteDir?: string;
  orgId: string;
  userId: string;
}

interface FloorBooking {
  patientId: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
  serviceCode: string;
  start: string;
  end: string;
  bufferAfterMinutes: number;
}

const settings = JSON.parse(process.argv[2]!) as FloorSettings;
const db: Database = settings.postgresUrl
  ? await openPostgres(settings.postgresUrl)
  : await openPglite(settings.pgliteDir);
const { orgId, userId } = settings;
const auditOf = (action: string, patientId: string | null, detail?: Record<string, unknown>) => ({
  orgId,
  actorUserId: userId,
  actorRole: 'admin',
  action,
  outcome: 'allowed' as const,
  patientId,
  recordType: patientId ? 'patient' : null,
  recordId: patientId,
  ip: '127.0.0.1',
  detail,
});

const app = Fastify();
app.get('/bare', async () => ({ status: 'ok' }));

// A booking's writes: the appointment under the exclusion constraints, its messages, its audit event.
app.post('/floor/appointments', async (req, reply) => {
  const b = req.body as FloorBooking;
  const now = new Date();
  try {
    const row = await db.transaction(async (tx) => {
      const [appointment] = await insertAppointments(
        tx,
        orgId,
        [{ ...b, start: new Date(b.start), end: new Date(b.end), seriesId: null, bookedBy: userId }],
        now,
      );
      // What a first booking queues: the confirmation, the pre-visit instructions, and the reminders
      // 48 and 2 hours before that are not already past.
      const start = new Date(b.start).getTime();
      const reminders = [48, 2].filter((h) => start - h * 3_600_000 > now.getTime()).length;
      const kinds = ['confirmation', 'pre-visit', ...Array<'reminder'>(reminders).fill('reminder')] as const;
      const messages: NewMessage[] = kinds.map((kind, i) => ({
        orgId,
        kind,
        appointmentId: appointment!.id,
        patientId: b.patientId,
        toAddress: 'floor@example.test',
        subject: 'Your appointment',
        text: 'See you then.',
        html: null,
        sendAt: now,
        messageId: `<${appointment!.id}.${i}@floor.local>`,
        dedupeKey: `${appointment!.id}:${i}`,
        render: { link: true },
        attachments: [],
      }));
      await insertMessages(tx, messages, now);
      await insertAuditEvents(tx, [
        { ...auditOf('appointment.create', b.patientId), recordType: 'appointment', recordId: appointment!.id },
      ]);
      return appointment!;
    });
    return reply.status(201).send(row);
  } catch (err) {
    if ((err as { code?: string }).code === '23P01') return reply.status(409).send({ error: 'taken' });
    throw err;
  }
});

// A patient read: one select and one audit insert in one transaction.
app.get('/floor/patients/:id', async (req, reply) => {
  const { id } = req.params as { id: string };
  const patient = await db.transaction(async (tx) => {
    const found = await findPatient(tx, orgId, id);
    if (found) await insertAuditEvents(tx, [auditOf('patient.read', id)]);
    return found;
  });
  return patient ? patient : reply.status(404).send({ error: 'not found' });
});

// A patient search: the search's own statement (for a name the count and page are one) and its one audit event.
app.get('/floor/patients', async (req) => {
  const { q, pageSize } = req.query as { q?: string; pageSize?: string };
  const query = interpretSearch(q);
  const { rows, total } = await searchPatients(db, orgId, { kind: 'organization' }, query, {
    limit: Number(pageSize ?? 50),
    offset: 0,
  });
  await insertAuditEvents(db, [
    auditOf('patient.search', null, { queryKind: query.kind, resultCount: total, patientIds: rows.map((r) => r.id) }),
  ]);
  return { patients: rows, total };
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
