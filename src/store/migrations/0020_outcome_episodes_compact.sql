-- A report reads each episode as a few numbers (`compact`), grouped by site and therapist,
-- instead of a JSON text per row that became an object per episode: the outcomes report over
-- 150,000 episodes spent most of its time parsing and collecting those objects.
--
-- compact, fields separated by commas, empty for none: condition group, phase, month code
-- (year × 12 + month − 1 of the start), open (1/0), visits, drop-out (1/0), PSFS change, relief
-- days separated by spaces, then per responder definition in `outcome_keys` order (the ids sorted,
-- comma-separated): judged (1/0), first improvement, last scored session.
ALTER TABLE outcome_episodes ADD COLUMN outcome_keys text;
ALTER TABLE outcome_episodes ADD COLUMN compact text;

UPDATE outcome_episodes AS r SET
  outcome_keys = coalesce((SELECT string_agg(o.key, ',' ORDER BY o.key) FROM jsonb_each(r.outcomes) AS o), ''),
  compact = concat_ws(',',
    coalesce(r.condition_group, ''),
    coalesce(r.phase, ''),
    (extract(year FROM r.started_on)::int * 12 + extract(month FROM r.started_on)::int - 1),
    CASE WHEN r.status = 'open' THEN 1 ELSE 0 END,
    r.visits,
    CASE WHEN r.drop_out THEN 1 ELSE 0 END,
    coalesce(r.psfs_change::text, ''),
    array_to_string(r.relief_days, ' '),
    (SELECT string_agg(concat_ws(',', CASE WHEN (o.value->>'judged')::boolean THEN 1 ELSE 0 END,
       coalesce(o.value->>'improvedAt', ''), coalesce(o.value->>'lastScoredSession', '')), ',' ORDER BY o.key)
       FROM jsonb_each(r.outcomes) AS o));

ALTER TABLE outcome_episodes ALTER COLUMN outcome_keys SET NOT NULL;
ALTER TABLE outcome_episodes ALTER COLUMN compact SET NOT NULL;
-- The JSON text is no longer read: the columns serve the few readers of whole rows.
ALTER TABLE outcome_episodes DROP COLUMN packed;
