/**
 * Name pools for invented people. Common US given and family names, mixed to reflect the
 * Portland–Salem–Vancouver area, where Spanish, Vietnamese, Russian and Ukrainian, Chinese and
 * Korean speakers are large communities (US Census Bureau, American Community Survey 2019–2023,
 * "Language spoken at home", Oregon and Clark County WA).
 */

export const FEMALE_GIVEN = [
  'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Amelia', 'Harper', 'Evelyn', 'Abigail',
  'Emily', 'Elizabeth', 'Sofia', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe', 'Victoria', 'Riley',
  'Aria', 'Lily', 'Zoey', 'Hannah', 'Nora', 'Hazel', 'Maya', 'Leah', 'Ruby', 'Claire',
  'Jennifer', 'Jessica', 'Sarah', 'Karen', 'Linda', 'Patricia', 'Susan', 'Nancy', 'Laura', 'Michelle',
  'Maria', 'Guadalupe', 'Ximena', 'Valeria', 'Camila', 'Lucia', 'Linh', 'Thao', 'Anh', 'Mai',
  'Svetlana', 'Natalia', 'Olena', 'Irina', 'Mei', 'Xiu', 'Ji-woo', 'Min-seo', 'Aisha', 'Fatima',
] as const;

export const MALE_GIVEN = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Jack', 'Levi', 'Alexander', 'Mason', 'Ethan', 'Daniel', 'Jacob', 'Logan', 'Jackson', 'Sebastian',
  'Owen', 'Samuel', 'Wyatt', 'Caleb', 'Isaac', 'Nathan', 'Ryan', 'Aaron', 'Eli', 'Miles',
  'Michael', 'David', 'Robert', 'John', 'Richard', 'Thomas', 'Mark', 'Steven', 'Kevin', 'Brian',
  'Jose', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Santiago', 'Minh', 'Tuan', 'Duc', 'Quang',
  'Dmitri', 'Sergei', 'Oleksandr', 'Andriy', 'Wei', 'Jun', 'Min-jun', 'Ji-ho', 'Omar', 'Yusuf',
] as const;

/** Chosen by people of any sex or gender; also used for non-binary patients. */
export const NEUTRAL_GIVEN = [
  'Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Quinn', 'Rowan', 'Sage', 'River',
  'Skyler', 'Emerson', 'Parker', 'Reese', 'Finley', 'Dakota', 'Ari', 'Kai', 'Remy', 'Robin',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker',
  'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Campbell', 'Evans', 'Turner', 'Collins', 'Stewart', 'Morris',
  'Murphy', 'Cook', 'Rogers', 'Peterson', 'Cooper', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard',
  'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price',
  'Larson', 'Olson', 'Hansen', 'Johansen', 'Lindqvist', 'Nakamura', 'Tanaka', 'Yamamoto', 'Sato', 'Kim',
  'Lee', 'Park', 'Choi', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Wong',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vo', 'Garcia', 'Martinez', 'Rodriguez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera', 'Gomez', 'Diaz',
  'Morales', 'Ortiz', 'Cruz', 'Reyes', 'Mendoza', 'Ivanov', 'Petrov', 'Kovalenko', 'Shevchenko', 'Bondarenko',
  'Volkov', 'Sokolov', 'Patel', 'Shah', 'Singh', 'Okafor', 'Mensah', 'Haile', 'Tesfaye', 'Yazzie',
] as const;

/** Invented street names for patients' home addresses. */
export const STREET_NAMES = [
  'Alder', 'Birch', 'Cascade', 'Douglas Fir', 'Elderberry', 'Foxglove', 'Garnet', 'Huckleberry', 'Ironwood',
  'Juniper', 'Kinnikinnick', 'Larkspur', 'Madrona', 'Nootka', 'Oak Grove', 'Pinecrest', 'Quail Run', 'Riverbend',
  'Salmonberry', 'Thimbleberry', 'Umpqua', 'Vine Maple', 'Willamette View', 'Yarrow', 'Zinnia',
] as const;

export const STREET_KINDS = ['St', 'Ave', 'Dr', 'Ct', 'Ln', 'Pl', 'Way', 'Loop', 'Rd', 'Ter'] as const;

/** Compass prefixes of Portland-area addresses (Salem and Woodburn use suffixes; kept simple). */
export const STREET_PREFIXES = ['NE', 'NW', 'SE', 'SW', 'N'] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** Lowercase ASCII for an email's local part: "Ji-woo" → "jiwoo", "Nguyen" → "nguyen". */
export function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
