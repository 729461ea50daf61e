-- Corrected and void claims. The payer's own number for a claim (its claim control number, the ICN
-- on the remittance) is kept on the claim; a replacement (837P CLM05-3 = 7) or void (8) claim points
-- at the claim it corrects and quotes that number (REF*F8; CMS-1500 box 22).
ALTER TABLE claims
  ADD COLUMN payer_claim_number text CHECK (payer_claim_number ~ '^[A-Za-z0-9-]{1,50}$'),
  ADD COLUMN frequency text NOT NULL DEFAULT 'original' CHECK (frequency IN ('original', 'replacement', 'void')),
  ADD COLUMN corrects_claim_id uuid,
  ADD COLUMN correction_reason text CHECK (length(correction_reason) <= 500),
  ADD FOREIGN KEY (org_id, corrects_claim_id) REFERENCES claims(org_id, id),
  -- A claim is corrected once: a second tap, or a second desk, never makes a second correction.
  ADD CONSTRAINT claims_one_correction UNIQUE (org_id, corrects_claim_id),
  ADD CONSTRAINT claims_correction_points_back CHECK ((frequency = 'original') = (corrects_claim_id IS NULL));

-- One original claim per visit and coverage; its corrections are further claims of the same visit.
ALTER TABLE claims DROP CONSTRAINT claims_org_id_session_note_id_coverage_id_key;
CREATE UNIQUE INDEX claims_one_original_per_visit ON claims (org_id, session_note_id, coverage_id)
  WHERE corrects_claim_id IS NULL;

-- A charge may now appear on a claim and on its corrections, but is billed live on one claim only:
-- the latest claim of the chain that carries it. A void carries the lines it cancels, none live.
ALTER TABLE claim_charges DROP CONSTRAINT claim_charges_pkey;
ALTER TABLE claim_charges
  ADD COLUMN live boolean NOT NULL DEFAULT true,
  ADD PRIMARY KEY (org_id, claim_id, charge_id);
CREATE UNIQUE INDEX claim_charges_live_once ON claim_charges (org_id, charge_id) WHERE live;
