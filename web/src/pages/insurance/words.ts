/** How the desk names the ways a visit is paid, and a coverage's place in the order. */
export const COVERAGE_TYPES = [
  { value: 'workers-comp', label: 'Workers’ comp' },
  { value: 'auto-pip', label: 'Auto (PIP)' },
  { value: 'auto-med-pay', label: 'Auto (med-pay)' },
  { value: 'commercial', label: 'Health plan' },
  { value: 'medicare', label: 'Medicare' },
  { value: 'self-pay', label: 'Self-pay' },
] as const;

export type CoverageType = (typeof COVERAGE_TYPES)[number]['value'];

export const typeLabel = (type: string): string => COVERAGE_TYPES.find((t) => t.value === type)?.label ?? type;

const ORDERS = ['Primary', 'Secondary', 'Tertiary'];
export const ORDER_CHOICES = ORDERS.map((label, i) => ({ value: String(i + 1), label }));

/** The member id is called what the card calls it. */
export function memberIdLabel(type: CoverageType | string): string {
  if (type === 'medicare') return 'Medicare number (MBI)';
  if (type === 'auto-pip' || type === 'auto-med-pay') return 'Policy number';
  return 'Member id';
}
