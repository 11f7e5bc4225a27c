-- migrate:up

-- A bank document belongs to the account that imported it and is private to that account. A document
-- without an owner (the bundled seeds, `npm run bank -- import`) is shared with every account, read-only.
-- Deleting an account deletes its documents: they must never fall back to "shared".
ALTER TABLE "BankDocument" RENAME COLUMN "importedById" TO "ownerId";
ALTER TABLE "BankDocument" DROP CONSTRAINT "BankDocument_importedById_fkey";
ALTER TABLE "BankDocument" ADD CONSTRAINT "BankDocument_ownerId_fkey"
  FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A file name is unique per owner, and once among the shared documents (NULLS NOT DISTINCT: PostgreSQL 15+).
DROP INDEX "BankDocument_sourceFile_key";
CREATE UNIQUE INDEX "BankDocument_ownerId_sourceFile_key" ON "BankDocument" ("ownerId", "sourceFile") NULLS NOT DISTINCT;

-- A candidate link admits one person: set when it is first used, after which it creates nothing.
ALTER TABLE "Invite" ADD COLUMN "usedAt" TIMESTAMPTZ(3);

-- The link that admitted a participant, so that revoking an observer link removes its observers.
ALTER TABLE "Participant" ADD COLUMN "inviteId" TEXT REFERENCES "Invite" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Participant_inviteId_idx" ON "Participant" ("inviteId");

-- Fixed-window counters for sign-in, sign-up and guest sign-in, shared by every app node.
CREATE TABLE "RateLimitBucket" (
  "key" TEXT PRIMARY KEY,
  "windowStartedAt" TIMESTAMPTZ(3) NOT NULL,
  "hits" INTEGER NOT NULL
);

-- migrate:down
DROP TABLE "RateLimitBucket";
DROP INDEX "Participant_inviteId_idx";
ALTER TABLE "Participant" DROP COLUMN "inviteId";
ALTER TABLE "Invite" DROP COLUMN "usedAt";
DROP INDEX "BankDocument_ownerId_sourceFile_key";
CREATE UNIQUE INDEX "BankDocument_sourceFile_key" ON "BankDocument" ("sourceFile");
ALTER TABLE "BankDocument" DROP CONSTRAINT "BankDocument_ownerId_fkey";
ALTER TABLE "BankDocument" RENAME COLUMN "ownerId" TO "importedById";
ALTER TABLE "BankDocument" ADD CONSTRAINT "BankDocument_importedById_fkey"
  FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
