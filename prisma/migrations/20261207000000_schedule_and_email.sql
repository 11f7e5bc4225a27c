-- migrate:up

-- When an interview happens: its start (the existing "scheduledAt"), how long it lasts, the organiser's
-- time zone (IANA name), which reminders go out before it, and the calendar entry's SEQUENCE, raised by
-- every reschedule and by a cancellation so that calendars apply each to the same event (RFC 5545).
ALTER TABLE "InterviewSession"
  ADD COLUMN IF NOT EXISTS "durationMin" INTEGER,
  ADD COLUMN IF NOT EXISTS "timeZone" TEXT,
  ADD COLUMN IF NOT EXISTS "reminders" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN IF NOT EXISTS "calendarSequence" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX IF NOT EXISTS "InterviewSession_scheduledAt_idx" ON "InterviewSession" ("scheduledAt") WHERE "scheduledAt" IS NOT NULL;

-- A person's own time zone (IANA name), when they set one; otherwise pages use the browser's.
-- "sessionsValidFrom": session tokens issued before it are refused (a password reset ends every session).
ALTER TABLE "User"
  ADD COLUMN IF NOT EXISTS "timeZone" TEXT,
  ADD COLUMN IF NOT EXISTS "sessionsValidFrom" TIMESTAMPTZ(3);

-- Who was invited to an interview by email, each with their own invite link, so that a reschedule or a
-- cancellation reaches the same people.
CREATE TABLE IF NOT EXISTS "Invitation" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "inviteId" TEXT NOT NULL REFERENCES "Invite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "email" TEXT NOT NULL,
  "name" TEXT,
  "role" "ParticipantRole" NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS "Invitation_sessionId_email_key" ON "Invitation" ("sessionId", "email");
CREATE INDEX IF NOT EXISTS "Invitation_inviteId_idx" ON "Invitation" ("inviteId");

-- The outbox: every email is a row written in the same transaction as the change that causes it, and the
-- worker (server/services/email/outbox-worker.ts) sends it. "payload" is what the message says (its kind's
-- fields), rendered at send time; it holds no secret: links are signed from ids when rendered.
-- "sessionId" (no foreign key: a cancellation outlives a deleted interview) lets a reschedule withdraw
-- the interview's pending reminders.
CREATE TABLE IF NOT EXISTS "OutboxEmail" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "to" TEXT NOT NULL,
  "payload" JSONB NOT NULL,
  "sessionId" TEXT,
  "sendAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "lastError" TEXT,
  "sentAt" TIMESTAMPTZ(3),
  "failedAt" TIMESTAMPTZ(3),
  "cancelledAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- What the worker claims: due rows, oldest first.
CREATE INDEX IF NOT EXISTS "OutboxEmail_due_idx" ON "OutboxEmail" ("sendAfter")
  WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "cancelledAt" IS NULL;
-- Wakes the workers (LISTEN outbox_email) when emails are queued; PostgreSQL delivers it on commit only.
CREATE OR REPLACE FUNCTION outbox_email_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_email', '');
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS "OutboxEmail_queued" ON "OutboxEmail";
CREATE TRIGGER "OutboxEmail_queued" AFTER INSERT ON "OutboxEmail" FOR EACH STATEMENT EXECUTE FUNCTION outbox_email_queued();
CREATE INDEX IF NOT EXISTS "OutboxEmail_sessionId_idx" ON "OutboxEmail" ("sessionId") WHERE "sessionId" IS NOT NULL;

-- The single-use links of an account: confirm an address, reset a password, move to a new address. The
-- link carries the row's id and an HMAC of it (server/services/accounts/account-links.ts); "usedAt" makes
-- it single-use, "expiresAt" short-lived. "email" is the address it was sent to (the new one for a change).
CREATE TABLE IF NOT EXISTS "AccountToken" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "userId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "purpose" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "usedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS "AccountToken_userId_idx" ON "AccountToken" ("userId");

-- Addresses that asked for no more reminders (the unsubscribe link in every reminder).
CREATE TABLE IF NOT EXISTS "EmailOptOut" (
  "email" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("email", "kind")
);

-- migrate:down
DROP TABLE IF EXISTS "EmailOptOut";
DROP TABLE IF EXISTS "AccountToken";
DROP TABLE IF EXISTS "OutboxEmail";
DROP FUNCTION IF EXISTS outbox_email_queued();
DROP TABLE IF EXISTS "Invitation";
ALTER TABLE "User" DROP COLUMN IF EXISTS "timeZone", DROP COLUMN IF EXISTS "sessionsValidFrom";
DROP INDEX IF EXISTS "InterviewSession_scheduledAt_idx";
ALTER TABLE "InterviewSession" DROP COLUMN IF EXISTS "durationMin", DROP COLUMN IF EXISTS "timeZone",
  DROP COLUMN IF EXISTS "reminders", DROP COLUMN IF EXISTS "calendarSequence";
