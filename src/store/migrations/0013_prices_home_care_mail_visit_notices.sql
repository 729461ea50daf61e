-- Prices per service; outgoing mail that is rendered again from current data when it leaves
-- (so a renamed service or a moved phone number reads as it is now), home care sent by email with
-- its handout attached, and the notice to a patient whose visit no longer fits the schedule.

-- In the currency's minor unit (cents); NULL while the clinic has not set a price.
ALTER TABLE services ADD COLUMN price_cents integer CHECK (price_cents BETWEEN 0 AND 10000000);
ALTER TABLE services ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
  CHECK (kind IN ('confirmation', 'reminder', 'pre-visit', 'cancellation', 'reschedule', 'waitlist-offer', 'home-care', 'visit-affected'));

-- What the message was composed from besides the appointment itself (hours before a reminder, the
-- clinic's note, whether it carries a self-service link); NULL: send the stored words as they are.
ALTER TABLE outbox_messages ADD COLUMN render jsonb;
-- Files sent with the message: [{ "filename", "contentType", "base64" }].
ALTER TABLE outbox_messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
