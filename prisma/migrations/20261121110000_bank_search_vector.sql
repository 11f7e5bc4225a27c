-- migrate:up

-- An expression index alone leaves small banks (a few hundred questions) to a sequential scan that
-- recomputes to_tsvector over every answer on every keystroke (~120 ms for the five seeds): the planner
-- does not know to_tsvector is expensive. A stored vector makes both the scan and the index cheap.
DROP INDEX "BankQuestion_search_idx";
ALTER TABLE "BankQuestion" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "prompt"), 'A') || setweight(to_tsvector('english', "searchText"), 'B')
) STORED;
CREATE INDEX "BankQuestion_searchVector_idx" ON "BankQuestion" USING GIN ("searchVector");

-- migrate:down
DROP INDEX "BankQuestion_searchVector_idx";
ALTER TABLE "BankQuestion" DROP COLUMN "searchVector";
CREATE INDEX "BankQuestion_search_idx" ON "BankQuestion" USING GIN (
  (setweight(to_tsvector('english', "prompt"), 'A') || setweight(to_tsvector('english', "searchText"), 'B'))
);
