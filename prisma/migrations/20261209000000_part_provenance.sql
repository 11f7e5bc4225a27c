-- migrate:up

-- The text the importer read for a document (decoded and repaired; for PDF, .docx and HTML, the Markdown
-- made from them), so that a question's parts can show the passage they came from. NULL for documents
-- stored before it was kept; a new version of the file stores it.
ALTER TABLE "BankDocument" ADD COLUMN IF NOT EXISTS "sourceText" TEXT;

-- Where each part of a question comes from in that text (server/bank/bank-format.ts, partSourcesSchema):
-- lines and origin for every criterion and look-for, key point, follow-up, red flag and the example score.
-- NULL when unknown, which is every question stored before this column existed; the app validates the JSON
-- on every write and read.
ALTER TABLE "BankQuestion" ADD COLUMN IF NOT EXISTS "partSources" JSONB;

-- migrate:down
ALTER TABLE "BankQuestion" DROP COLUMN IF EXISTS "partSources";
ALTER TABLE "BankDocument" DROP COLUMN IF EXISTS "sourceText";
