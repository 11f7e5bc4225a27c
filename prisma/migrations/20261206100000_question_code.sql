-- migrate:up

-- A coding question's material ({ language, starterCode, entry, tests }, server/domain/code/code-spec.ts):
-- what the pad starts with and the test cases a run is checked against. NULL for a question that is not
-- a coding one, which is every question stored before this column existed; the app validates the JSON
-- with codeSpecSchema on every write and read.
ALTER TABLE "BankQuestion" ADD COLUMN IF NOT EXISTS "code" JSONB;

-- migrate:down
ALTER TABLE "BankQuestion" DROP COLUMN IF EXISTS "code";
