import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetTransitions, renderCalendar, vtimezone } from './ical.ts';
import { parseIcs } from '../../../test/support/notify-kit.ts';

const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2028-12-31T00:00:00Z');
const ZONES = ['America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Europe/Berlin', 'Australia/Lord_Howe'];

describe('VTIMEZONE from the runtime zone data', () => {
  it('finds the 2026 US changes at 02:00 local time on the second Sunday of March and the first of November', () => {
    const changes = offsetTransitions(
      'America/Los_Angeles',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2026-12-31T00:00:00Z'),
    );
    expect(changes.map((c) => new Date(c.at).toISOString())).toEqual([
      '2026-03-08T10:00:00.000Z',
      '2026-11-01T09:00:00.000Z',
    ]);
    const text = vtimezone(
      'America/Los_Angeles',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2026-12-31T00:00:00Z'),
    );
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800');
  });

  it('has a single observance for a zone without DST', () => {
    expect(offsetTransitions('America/Phoenix', FROM, TO)).toEqual([]);
    expect(vtimezone('America/Phoenix', FROM, TO).match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
  });

  it('round-trips any visit time through ical.js to the same instant, away from the ambiguous hour', async () => {
    const instant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ZONES), instant, async (zone, start) => {
        const nearChange = offsetTransitions(zone, start - 86_400_000, start + 86_400_000).some(
          (c) => Math.abs(c.at - start) < 3 * 3600_000,
        );
        fc.pre(!nearChange);
        const text = renderCalendar({
          name: 'property',
          now: new Date(start),
          events: [
            {
              uid: 'p@knotwork.local',
              sequence: 0,
              start: new Date(start),
              end: new Date(start + 3_600_000),
              timeZone: zone,
              summary: 'x',
              location: 'y',
              cancelled: false,
              lastModified: new Date(start),
            },
          ],
        });
        const [event] = (await parseIcs(text)).events;
        expect(event!.tzid).toBe(zone);
        expect(event!.start.getTime()).toBe(start);
        expect(event!.end.getTime()).toBe(start + 3_600_000);
      }),
      { numRuns: 150 },
    );
  });
});
