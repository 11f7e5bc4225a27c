-- migrate:up

CREATE TYPE "PracticeLevel" AS ENUM ('JUNIOR', 'MID', 'SENIOR', 'STAFF');
CREATE TYPE "PeerSessionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'WITHDRAWN', 'ENDED');

-- What a person wants to practise with peers: topics (section titles of the shared bank), level, spoken
-- languages. "noShows" counts the matches they let lapse; it lowers their place in the queue.
CREATE TABLE IF NOT EXISTS "PracticeProfile" (
  "userId" TEXT NOT NULL PRIMARY KEY REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "topics" TEXT[] NOT NULL DEFAULT '{}',
  "level" "PracticeLevel" NOT NULL,
  "languages" TEXT[] NOT NULL DEFAULT '{}',
  "noShows" INTEGER NOT NULL DEFAULT 0,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Two peers matched to practise together: proposed to both, accepted by both (then each half is an
-- interview of its own), withdrawn (declined or let lapse), or ended. "firstId" asks in the first half.
CREATE TABLE IF NOT EXISTS "PeerSession" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "topic" TEXT NOT NULL,
  "status" "PeerSessionStatus" NOT NULL DEFAULT 'PROPOSED',
  "firstId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "secondId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "firstAcceptedAt" TIMESTAMPTZ(3),
  "secondAcceptedAt" TIMESTAMPTZ(3),
  -- A proposal not accepted by both by then is withdrawn.
  "answerBy" TIMESTAMPTZ(3) NOT NULL,
  -- Each half is an interview of its own ("firstHalfId", "secondHalfId"): the first half starts at the
  -- acceptance, the second when the first half's interview ends, which is the swap.
  "halfMinutes" INTEGER NOT NULL,
  -- Who asked to swap roles before the half's time was up; both asking swaps at once.
  "swapAskedBy" TEXT[] NOT NULL DEFAULT '{}',
  "firstHalfId" TEXT,
  "secondHalfId" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "endedAt" TIMESTAMPTZ(3),
  CHECK ("firstId" <> "secondId")
);
CREATE INDEX IF NOT EXISTS "PeerSession_firstId_idx" ON "PeerSession" ("firstId", "createdAt");
CREATE INDEX IF NOT EXISTS "PeerSession_secondId_idx" ON "PeerSession" ("secondId", "createdAt");

-- The interview that is one half of a peer session: its interviewer and candidate are the two peers.
ALTER TABLE "InterviewSession"
  ADD COLUMN IF NOT EXISTS "peerSessionId" TEXT REFERENCES "PeerSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX IF NOT EXISTS "InterviewSession_peerSessionId_idx" ON "InterviewSession" ("peerSessionId") WHERE "peerSessionId" IS NOT NULL;
ALTER TABLE "PeerSession"
  ADD CONSTRAINT "PeerSession_firstHalfId_fkey" FOREIGN KEY ("firstHalfId") REFERENCES "InterviewSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "PeerSession_secondHalfId_fkey" FOREIGN KEY ("secondHalfId") REFERENCES "InterviewSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Someone looking for a partner now. One row per person (the primary key): joining twice, from two tabs
-- or two nodes, is refused by the database. "proposalId" is set while a match is proposed to them, by the
-- one statement that claims both people, so nobody is ever proposed two matches at once.
CREATE TABLE IF NOT EXISTS "PracticeTicket" (
  "userId" TEXT NOT NULL PRIMARY KEY REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "topic" TEXT NOT NULL,
  -- The profile's other topics, which they would also take.
  "alsoTopics" TEXT[] NOT NULL DEFAULT '{}',
  "level" "PracticeLevel" NOT NULL,
  "languages" TEXT[] NOT NULL DEFAULT '{}',
  "joinedAt" TIMESTAMPTZ(3) NOT NULL,
  -- The waiting page says it is still open; a ticket not seen for a minute is dropped.
  "seenAt" TIMESTAMPTZ(3) NOT NULL,
  "proposalId" TEXT REFERENCES "PeerSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX IF NOT EXISTS "PracticeTicket_waiting_idx" ON "PracticeTicket" ("joinedAt") WHERE "proposalId" IS NULL;
-- Wakes the matchers (LISTEN practice_queue) when someone joins; delivered on commit only.
CREATE OR REPLACE FUNCTION practice_ticket_joined() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('practice_queue', '');
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS "PracticeTicket_joined" ON "PracticeTicket";
CREATE TRIGGER "PracticeTicket_joined" AFTER INSERT ON "PracticeTicket" FOR EACH STATEMENT EXECUTE FUNCTION practice_ticket_joined();

-- A person one never wants to be matched with again; matching honours it both ways.
CREATE TABLE IF NOT EXISTS "PeerBlock" (
  "blockerId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "blockedId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("blockerId", "blockedId")
);
CREATE INDEX IF NOT EXISTS "PeerBlock_blockedId_idx" ON "PeerBlock" ("blockedId");

-- A partner reported for their conduct, with what happened in the reporter's words, for whoever runs
-- this Mockroom to act on (docs/practice.md).
CREATE TABLE IF NOT EXISTS "PeerReport" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "peerSessionId" TEXT NOT NULL REFERENCES "PeerSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "reporterId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "reportedId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "reason" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS "PeerReport_peerSessionId_reporterId_key" ON "PeerReport" ("peerSessionId", "reporterId");
CREATE INDEX IF NOT EXISTS "PeerReport_reportedId_idx" ON "PeerReport" ("reportedId");

-- What one peer thought of the other's answers in the half they asked: the rubric's criteria of the
-- question they asked (rated), communication and problem solving (1 to 5), strengths and one thing to
-- improve. The other reads it once both have written theirs, or a day after the session ended.
CREATE TABLE IF NOT EXISTS "PeerFeedback" (
  "peerSessionId" TEXT NOT NULL REFERENCES "PeerSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "fromId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "toId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "criteria" JSONB NOT NULL,
  "communication" INTEGER NOT NULL CHECK ("communication" BETWEEN 1 AND 5),
  "problemSolving" INTEGER NOT NULL CHECK ("problemSolving" BETWEEN 1 AND 5),
  "strengths" TEXT NOT NULL,
  "improve" TEXT NOT NULL,
  "submittedAt" TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY ("peerSessionId", "fromId")
);
CREATE INDEX IF NOT EXISTS "PeerFeedback_toId_idx" ON "PeerFeedback" ("toId");

-- migrate:down
DROP TABLE IF EXISTS "PeerFeedback";
DROP TABLE IF EXISTS "PeerReport";
DROP TABLE IF EXISTS "PeerBlock";
DROP TABLE IF EXISTS "PracticeTicket";
DROP FUNCTION IF EXISTS practice_ticket_joined();
ALTER TABLE "PeerSession" DROP CONSTRAINT IF EXISTS "PeerSession_firstHalfId_fkey", DROP CONSTRAINT IF EXISTS "PeerSession_secondHalfId_fkey";
ALTER TABLE "InterviewSession" DROP COLUMN IF EXISTS "peerSessionId";
DROP TABLE IF EXISTS "PeerSession";
DROP TABLE IF EXISTS "PracticeProfile";
DROP TYPE IF EXISTS "PeerSessionStatus";
DROP TYPE IF EXISTS "PracticeLevel";
