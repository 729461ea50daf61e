/**
 * The ledger's accounts. Receivables are kept per patient and, for insurance, per payer and
 * patient, so "what does this patient owe", "what does this payer owe us" and "what does this
 * payer owe for this patient" are all sums over the same entries.
 */
export type Account =
  /** What the patient owes the clinic (negative: the clinic holds the patient's credit). */
  | { kind: 'patient'; patientId: string }
  /** What a payer (auto insurer, workers' comp carrier, health plan) owes for one patient. */
  | { kind: 'payer'; payerId: string; patientId: string }
  /** Income earned by services (credited by charges). */
  | { kind: 'revenue' }
  /** Money received: card terminal, cash drawer, cheques, payer deposits. */
  | { kind: 'cash' }
  /** Contractual reductions the clinic agreed to with a payer. */
  | { kind: 'adjustments' }
  /** Balances the clinic gave up collecting. */
  | { kind: 'write-offs' };

export type AccountKind = Account['kind'];

export function accountKey(account: Account): string {
  switch (account.kind) {
    case 'patient':
      return `patient:${account.patientId}`;
    case 'payer':
      return `payer:${account.payerId}:patient:${account.patientId}`;
    default:
      return account.kind;
  }
}

/** The receivable a posting touches: the payer's for this patient when a payer is named, else the patient's. */
export function receivable(patientId: string, payerId?: string): Account {
  return payerId === undefined ? { kind: 'patient', patientId } : { kind: 'payer', payerId, patientId };
}
