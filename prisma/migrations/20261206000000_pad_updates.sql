-- migrate:up

-- The pad's accepted changes, one row each, numbered per question: written before they are relayed, so
-- a crash loses nothing acknowledged, and the primary key is the check between nodes.
CREATE TABLE "PadUpdate" (
    "sessionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "language" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PadUpdate_pkey" PRIMARY KEY ("sessionId", "questionId", "version")
);

ALTER TABLE "PadUpdate" ADD CONSTRAINT "PadUpdate_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
