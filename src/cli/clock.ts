/** Today's calendar date in the clinics' zone; the CLI is where the clock is read. */
export function todayInClinicZone(now: Date = new Date(), timeZone = 'America/Los_Angeles'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
