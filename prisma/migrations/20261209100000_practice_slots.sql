-- migrate:up

-- A peer session booked for a slot starts then (its first half's clock and the no-show wait count from
-- it); a session matched from "Practise now" has none and starts at the acceptance.
ALTER TABLE "PeerSession" ADD COLUMN IF NOT EXISTS "startsAt" TIMESTAMPTZ(3);

-- "Book a slot": someone who wants to practise a topic at a later hour. It is matched with another
-- booking of the same slot and topic when that is made (under a per-slot advisory lock), and then points
-- at the peer session both were given; cancelling a matched booking reopens the partner's.
CREATE TABLE IF NOT EXISTS "SlotBooking" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "userId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "startsAt" TIMESTAMPTZ(3) NOT NULL,
  "topic" TEXT NOT NULL,
  "level" "PracticeLevel" NOT NULL,
  "languages" TEXT[] NOT NULL DEFAULT '{}',
  "createdAt" TIMESTAMPTZ(3) NOT NULL,
  "peerSessionId" TEXT REFERENCES "PeerSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "cancelledAt" TIMESTAMPTZ(3)
);
-- One booking per person per slot: a second tab or node booking the same slot finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS "SlotBooking_userId_startsAt_key" ON "SlotBooking" ("userId", "startsAt") WHERE "cancelledAt" IS NULL;
CREATE INDEX IF NOT EXISTS "SlotBooking_open_idx" ON "SlotBooking" ("startsAt", "topic") WHERE "cancelledAt" IS NULL AND "peerSessionId" IS NULL;
CREATE INDEX IF NOT EXISTS "SlotBooking_peerSessionId_idx" ON "SlotBooking" ("peerSessionId") WHERE "peerSessionId" IS NOT NULL;

-- migrate:down
DROP TABLE IF EXISTS "SlotBooking";
ALTER TABLE "PeerSession" DROP COLUMN IF EXISTS "startsAt";
