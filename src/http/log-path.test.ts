import { describe, expect, it } from 'vitest';
import { logPath } from './log-path.ts';

describe('logPath', () => {
  it('drops the query string', () => {
    expect(logPath('/api/patients?q=Quintero&dob=1980-02-29')).toBe('/api/patients');
  });

  it('hides self-service link and calendar feed tokens, keeping the rest of the path', () => {
    expect(logPath('/a/3f1c.mh2k.abcDEF_-')).toBe('/a/:token');
    expect(logPath('/relief/3f1c.mh2k.abcDEF_-')).toBe('/relief/:token');
    expect(logPath('/api/relief/3f1c.mh2k.abcDEF_-?x=1')).toBe('/api/relief/:token');
    expect(logPath('/api/links/3f1c.mh2k.abcDEF_-/reschedule?x=1')).toBe('/api/links/:token/reschedule');
    expect(logPath('/cal/Zx9secret.ics')).toBe('/cal/:token.ics');
  });

  it('leaves ordinary paths alone', () => {
    expect(logPath('/api/appointments/5d6e/ics')).toBe('/api/appointments/5d6e/ics');
    expect(logPath('/patients/123')).toBe('/patients/123');
  });
});
