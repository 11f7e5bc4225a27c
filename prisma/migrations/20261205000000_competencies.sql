-- migrate:up

-- The competencies a document's criteria are scored under ([{ key, name, description }]); NULL is the
-- default set (server/domain/scoring/competency-set.ts), which the bundled documents keep. Editing the set
-- of one's own document stores it.
ALTER TABLE "BankDocument" ADD COLUMN IF NOT EXISTS "competencies" JSONB;

-- The key of the competency (in its document's set) that the criterion is scored under. NULL for criteria
-- stored before competencies existed: readers propose one with the importer's own pure classifier, so a
-- backfill here (which SQL cannot compute) is not needed, and saving the question stores what was shown.
ALTER TABLE "RubricCriterion" ADD COLUMN IF NOT EXISTS "competency" TEXT;

-- migrate:down
ALTER TABLE "RubricCriterion" DROP COLUMN IF EXISTS "competency";
ALTER TABLE "BankDocument" DROP COLUMN IF EXISTS "competencies";
