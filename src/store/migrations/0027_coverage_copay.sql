-- The copay printed on the patient's card, in cents: what the desk collects at checkout unless it
-- types another amount. Self-pay has no payer to share the bill with, so no copay.
ALTER TABLE coverages ADD COLUMN copay_cents integer CHECK (copay_cents BETWEEN 0 AND 10000000);
ALTER TABLE coverages ADD CHECK (type <> 'self-pay' OR copay_cents IS NULL);
