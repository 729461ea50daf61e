/** The service categories the booking model knows (src/http/services/schema.ts `Discipline`). */
export const DISCIPLINE_OPTIONS: {
  value: 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';
  label: string;
}[] = [
  { value: 'nmt', label: 'Neuromuscular therapy' },
  { value: 'chiropractic', label: 'Chiropractic' },
  { value: 'acupuncture', label: 'Acupuncture' },
  { value: 'corrective-exercise', label: 'Corrective exercise' },
];
