-- migrate:up

-- A member other than the owner hides a past session from their own history (the owner deletes instead).
ALTER TABLE "Participant" ADD COLUMN IF NOT EXISTS "hiddenAt" TIMESTAMPTZ(3);

-- migrate:down
ALTER TABLE "Participant" DROP COLUMN IF EXISTS "hiddenAt";
