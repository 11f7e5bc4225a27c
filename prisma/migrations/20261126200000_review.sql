-- migrate:up

-- A member other than the owner hides a past session from their own history (the owner deletes instead).
ALTER TABLE "Participant" ADD COLUMN IF NOT EXISTS "hiddenAt" TIMESTAMPTZ(3);

-- What the history searches and filters by, out of the question as asked: reading them from the snapshot
-- detoasted every snapshot (reference answers and all) of every session of the user, 100 ms for 2,000
-- sessions. The snapshot never changes once written, so the copies cannot drift.
ALTER TABLE "SessionQuestion"
  ADD COLUMN IF NOT EXISTS "prompt" TEXT GENERATED ALWAYS AS ("snapshot"->>'prompt') STORED,
  ADD COLUMN IF NOT EXISTS "documentTitle" TEXT GENERATED ALWAYS AS ("snapshot"->'meta'->>'documentTitle') STORED;

-- migrate:down
ALTER TABLE "SessionQuestion" DROP COLUMN IF EXISTS "documentTitle", DROP COLUMN IF EXISTS "prompt";
ALTER TABLE "Participant" DROP COLUMN IF EXISTS "hiddenAt";
