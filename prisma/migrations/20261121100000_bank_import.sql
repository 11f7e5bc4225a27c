-- migrate:up

-- What the decoder repaired in the file (encoding, mojibake, code lines), kept so export reproduces it.
ALTER TABLE "BankDocument" ADD COLUMN "repairs" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "BankQuestion" ADD COLUMN "context" TEXT;
-- Everything searchable besides the prompt (answer, follow-ups, rubric, key points, tags, section),
-- flattened by the import service: full-text search cannot reach into the child tables through one index.
ALTER TABLE "BankQuestion" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
-- Set when a re-import no longer contains a question that an interview template still uses.
ALTER TABLE "BankQuestion" ADD COLUMN "retiredAt" TIMESTAMPTZ(3);

-- The search query repeats this expression exactly, so that the planner uses the index.
CREATE INDEX "BankQuestion_search_idx" ON "BankQuestion" USING GIN (
  (setweight(to_tsvector('english', "prompt"), 'A') || setweight(to_tsvector('english', "searchText"), 'B'))
);

-- migrate:down
DROP INDEX "BankQuestion_search_idx";
ALTER TABLE "BankQuestion" DROP COLUMN "retiredAt", DROP COLUMN "searchText", DROP COLUMN "context";
ALTER TABLE "BankDocument" DROP COLUMN "repairs";
