/**
 * The eight demo sites. Streets and suite numbers are invented (no real business at these
 * addresses); cities and ZIP codes are real so that maps and search behave realistically.
 * Phone numbers use the 555-01xx block the North American Numbering Plan keeps for fiction
 * (NANPA, "555 line numbers", https://www.nationalnanpa.com).
 */
import { weekdayOfDate } from '../time/index.ts';

export interface OpeningSpan {
  open: string;
  close: string;
}
/** Weekday (0 = Sunday) → spans, in the site's own time zone. */
export type WeeklyHours = Record<string, OpeningSpan[]>;

export interface DemoSite {
  slug: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: 'OR' | 'WA';
  postalCode: string;
  phone: string;
  rooms: number;
  hours: WeeklyHours;
  /** Relative share of patients who prefer this site. */
  weight: number;
  /** Nearby towns (city, ZIP) patients of this site live in. */
  catchment: readonly (readonly [string, string])[];
  /** Sites a therapist of this one may also work at. */
  neighbours: readonly string[];
}

const span = (open: string, close: string): OpeningSpan[] => [{ open, close }];

function weekdays(spans: OpeningSpan[], saturday?: OpeningSpan[]): WeeklyHours {
  const hours: WeeklyHours = { '1': spans, '2': spans, '3': spans, '4': spans, '5': spans };
  if (saturday) hours['6'] = saturday;
  return hours;
}

const LONG_DAY = span('08:00', '19:00');
const SATURDAY = span('09:00', '15:00');

export const TIME_ZONE = 'America/Los_Angeles';

export const DEMO_SITES: readonly DemoSite[] = [
  {
    slug: 'beaverton',
    name: 'Knotwork Beaverton',
    addressLine1: '12450 SW Cedar Hollow Rd',
    addressLine2: 'Suite 110',
    city: 'Beaverton',
    state: 'OR',
    postalCode: '97005',
    phone: '(503) 555-0141',
    rooms: 4,
    hours: weekdays(LONG_DAY, SATURDAY),
    weight: 16,
    catchment: [
      ['Beaverton', '97005'],
      ['Beaverton', '97006'],
      ['Beaverton', '97008'],
      ['Aloha', '97003'],
      ['Tigard', '97223'],
    ],
    neighbours: ['portland', 'hillsboro'],
  },
  {
    slug: 'happy-valley',
    name: 'Knotwork Happy Valley',
    addressLine1: '9875 SE Sunnyside Crest Dr',
    addressLine2: null,
    city: 'Happy Valley',
    state: 'OR',
    postalCode: '97086',
    phone: '(503) 555-0142',
    rooms: 3,
    hours: weekdays(LONG_DAY),
    weight: 10,
    catchment: [
      ['Happy Valley', '97086'],
      ['Happy Valley', '97015'],
      ['Clackamas', '97015'],
      ['Milwaukie', '97222'],
    ],
    neighbours: ['gresham', 'portland'],
  },
  {
    slug: 'hillsboro',
    name: 'Knotwork Hillsboro',
    addressLine1: '2310 NE Orchard Loop',
    addressLine2: 'Building B',
    city: 'Hillsboro',
    state: 'OR',
    postalCode: '97124',
    phone: '(503) 555-0143',
    rooms: 3,
    hours: weekdays(span('08:00', '18:00'), SATURDAY),
    weight: 12,
    catchment: [
      ['Hillsboro', '97124'],
      ['Hillsboro', '97123'],
      ['Cornelius', '97113'],
      ['Forest Grove', '97116'],
    ],
    neighbours: ['beaverton'],
  },
  {
    slug: 'gresham',
    name: 'Knotwork Gresham',
    addressLine1: '1845 NE Juniper Ridge Ave',
    addressLine2: null,
    city: 'Gresham',
    state: 'OR',
    postalCode: '97030',
    phone: '(503) 555-0144',
    rooms: 3,
    hours: weekdays(LONG_DAY),
    weight: 11,
    catchment: [
      ['Gresham', '97030'],
      ['Gresham', '97080'],
      ['Troutdale', '97060'],
      ['Fairview', '97024'],
    ],
    neighbours: ['happy-valley', 'portland'],
  },
  {
    slug: 'portland',
    name: 'Knotwork Portland',
    addressLine1: '3620 SE Larchwood St',
    addressLine2: 'Second floor',
    city: 'Portland',
    state: 'OR',
    postalCode: '97214',
    phone: '(503) 555-0145',
    rooms: 4,
    hours: weekdays(span('07:30', '19:30'), SATURDAY),
    weight: 20,
    catchment: [
      ['Portland', '97214'],
      ['Portland', '97202'],
      ['Portland', '97212'],
      ['Portland', '97206'],
      ['Portland', '97217'],
    ],
    neighbours: ['beaverton', 'gresham', 'happy-valley', 'vancouver'],
  },
  {
    slug: 'salem',
    name: 'Knotwork Salem',
    addressLine1: '1480 Ferncliff Ave SE',
    addressLine2: null,
    city: 'Salem',
    state: 'OR',
    postalCode: '97302',
    phone: '(503) 555-0146',
    rooms: 3,
    hours: weekdays(span('08:00', '18:00'), SATURDAY),
    weight: 11,
    catchment: [
      ['Salem', '97302'],
      ['Salem', '97301'],
      ['Salem', '97305'],
      ['Keizer', '97303'],
    ],
    neighbours: ['woodburn'],
  },
  {
    slug: 'vancouver',
    name: 'Knotwork Vancouver',
    addressLine1: '7712 NE Bramblewood Way',
    addressLine2: 'Suite 200',
    city: 'Vancouver',
    state: 'WA',
    postalCode: '98662',
    phone: '(360) 555-0147',
    rooms: 3,
    hours: weekdays(LONG_DAY, SATURDAY),
    weight: 12,
    catchment: [
      ['Vancouver', '98662'],
      ['Vancouver', '98664'],
      ['Vancouver', '98684'],
      ['Camas', '98607'],
    ],
    neighbours: ['portland'],
  },
  {
    slug: 'woodburn',
    name: 'Knotwork Woodburn',
    addressLine1: '655 Hazelnut Grove Ln',
    addressLine2: null,
    city: 'Woodburn',
    state: 'OR',
    postalCode: '97071',
    phone: '(503) 555-0148',
    rooms: 2,
    // A smaller site: closed over lunch, open late on Thursdays, shut on Fridays.
    hours: {
      '1': [
        { open: '08:30', close: '12:00' },
        { open: '13:00', close: '17:30' },
      ],
      '2': [
        { open: '08:30', close: '12:00' },
        { open: '13:00', close: '17:30' },
      ],
      '3': [
        { open: '08:30', close: '12:00' },
        { open: '13:00', close: '17:30' },
      ],
      '4': [{ open: '10:00', close: '19:00' }],
      '6': span('09:00', '13:00'),
    },
    weight: 8,
    catchment: [
      ['Woodburn', '97071'],
      ['Hubbard', '97032'],
      ['Mount Angel', '97362'],
      ['Gervais', '97026'],
    ],
    neighbours: ['salem'],
  },
];

export function siteBySlug(slug: string): DemoSite {
  const site = DEMO_SITES.find((candidate) => candidate.slug === slug);
  if (!site) throw new Error(`unknown demo site ${slug}`);
  return site;
}

/** Fourth Thursday of November (US Thanksgiving), as YYYY-MM-DD. */
export function thanksgiving(year: number): string {
  const firstWeekday = weekdayOfDate(`${year}-11-01`);
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return `${year}-11-${String(firstThursday + 21).padStart(2, '0')}`;
}

export interface DemoClosure {
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** Holiday closures of the year of `today` and the next one, shared by every site. */
export function holidayClosures(today: string): DemoClosure[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].flatMap((y) => [
    { startsOn: thanksgiving(y), endsOn: thanksgiving(y), reason: 'Thanksgiving Day' },
    { startsOn: `${y}-12-25`, endsOn: `${y}-12-25`, reason: 'Christmas Day' },
  ]);
}
