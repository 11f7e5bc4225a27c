-- migrate:up

-- people and next-auth
CREATE TABLE "User" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT,
  "email" TEXT,
  "emailVerified" TIMESTAMPTZ(3),
  "image" TEXT,
  "passwordHash" TEXT,
  "isGuest" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "User_email_key" ON "User" ("email");

CREATE TABLE "Account" (
  "id" TEXT PRIMARY KEY,
  "userId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "type" TEXT NOT NULL,
  "provider" TEXT NOT NULL,
  "providerAccountId" TEXT NOT NULL,
  "refresh_token" TEXT,
  "access_token" TEXT,
  "expires_at" INTEGER,
  "token_type" TEXT,
  "scope" TEXT,
  "id_token" TEXT,
  "session_state" TEXT
);
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account" ("provider", "providerAccountId");
CREATE INDEX "Account_userId_idx" ON "Account" ("userId");

CREATE TABLE "Session" (
  "id" TEXT PRIMARY KEY,
  "sessionToken" TEXT NOT NULL,
  "userId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "expires" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session" ("sessionToken");
CREATE INDEX "Session_userId_idx" ON "Session" ("userId");

CREATE TABLE "VerificationToken" (
  "identifier" TEXT NOT NULL,
  "token" TEXT NOT NULL,
  "expires" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken" ("token");
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken" ("identifier", "token");

-- question bank
CREATE TABLE "BankDocument" (
  "id" TEXT PRIMARY KEY,
  "title" TEXT NOT NULL,
  "sourceFile" TEXT NOT NULL,
  "contentHash" TEXT NOT NULL,
  "byteSize" INTEGER NOT NULL,
  "importedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "BankDocument_sourceFile_key" ON "BankDocument" ("sourceFile");
CREATE INDEX "BankDocument_contentHash_idx" ON "BankDocument" ("contentHash");

CREATE TABLE "BankSection" (
  "id" TEXT PRIMARY KEY,
  "documentId" TEXT NOT NULL REFERENCES "BankDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "path" TEXT[] NOT NULL DEFAULT '{}',
  "title" TEXT NOT NULL,
  "position" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "BankSection_documentId_position_key" ON "BankSection" ("documentId", "position");

CREATE TABLE "BankQuestion" (
  "id" TEXT PRIMARY KEY,
  "documentId" TEXT NOT NULL REFERENCES "BankDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "sectionId" TEXT REFERENCES "BankSection" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "key" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "prompt" TEXT NOT NULL,
  "answer" TEXT,
  "difficulty" TEXT,
  "tags" TEXT[] NOT NULL DEFAULT '{}',
  "meta" JSONB NOT NULL DEFAULT '{}',
  "sourceLine" INTEGER NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "BankQuestion_documentId_key_key" ON "BankQuestion" ("documentId", "key");
CREATE INDEX "BankQuestion_documentId_position_idx" ON "BankQuestion" ("documentId", "position");

CREATE TABLE "BankFollowUp" (
  "id" TEXT PRIMARY KEY,
  "questionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "prompt" TEXT NOT NULL,
  "answer" TEXT,
  "lookFor" TEXT[] NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX "BankFollowUp_questionId_position_key" ON "BankFollowUp" ("questionId", "position");

CREATE TABLE "RubricCriterion" (
  "id" TEXT PRIMARY KEY,
  "questionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "lookFor" TEXT[] NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX "RubricCriterion_questionId_position_key" ON "RubricCriterion" ("questionId", "position");

CREATE TABLE "KeyPoint" (
  "id" TEXT PRIMARY KEY,
  "questionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "text" TEXT NOT NULL
);
CREATE UNIQUE INDEX "KeyPoint_questionId_position_key" ON "KeyPoint" ("questionId", "position");

CREATE TABLE "RedFlag" (
  "id" TEXT PRIMARY KEY,
  "questionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "text" TEXT NOT NULL
);
CREATE UNIQUE INDEX "RedFlag_questionId_position_key" ON "RedFlag" ("questionId", "position");

CREATE TABLE "ExampleScore" (
  "id" TEXT PRIMARY KEY,
  "questionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "score" DOUBLE PRECISION NOT NULL,
  "outOf" DOUBLE PRECISION NOT NULL,
  "reasons" TEXT[] NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX "ExampleScore_questionId_key" ON "ExampleScore" ("questionId");

-- interviews
CREATE TYPE "SessionStatus" AS ENUM ('PLANNED', 'LIVE', 'ENDED', 'CANCELLED');
CREATE TYPE "ParticipantRole" AS ENUM ('INTERVIEWER', 'CANDIDATE', 'OBSERVER');

CREATE TABLE "InterviewSession" (
  "id" TEXT PRIMARY KEY,
  "title" TEXT NOT NULL,
  "status" "SessionStatus" NOT NULL DEFAULT 'PLANNED',
  "createdById" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "candidateName" TEXT,
  "candidateEmail" TEXT,
  "scheduledAt" TIMESTAMPTZ(3),
  "startedAt" TIMESTAMPTZ(3),
  "endedAt" TIMESTAMPTZ(3),
  "version" INTEGER NOT NULL DEFAULT 0,
  "snapshot" JSONB,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "InterviewSession_createdById_createdAt_idx" ON "InterviewSession" ("createdById", "createdAt");

CREATE TABLE "SessionQuestion" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "bankQuestionId" TEXT REFERENCES "BankQuestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "snapshot" JSONB NOT NULL,
  "timeBoxSec" INTEGER
);
CREATE UNIQUE INDEX "SessionQuestion_sessionId_position_key" ON "SessionQuestion" ("sessionId", "position");

CREATE TABLE "Participant" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "userId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "role" "ParticipantRole" NOT NULL,
  "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastSeenAt" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "Participant_sessionId_userId_key" ON "Participant" ("sessionId", "userId");
CREATE INDEX "Participant_userId_idx" ON "Participant" ("userId");

CREATE TABLE "Invite" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "role" "ParticipantRole" NOT NULL,
  "tokenHash" TEXT NOT NULL,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "revokedAt" TIMESTAMPTZ(3),
  "createdById" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite" ("tokenHash");
CREATE INDEX "Invite_sessionId_idx" ON "Invite" ("sessionId");

CREATE TABLE "SessionEvent" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "seq" INTEGER NOT NULL,
  "type" TEXT NOT NULL,
  "actorId" TEXT,
  "payload" JSONB NOT NULL,
  "idempotencyKey" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "SessionEvent_idempotencyKey_key" ON "SessionEvent" ("idempotencyKey");
CREATE UNIQUE INDEX "SessionEvent_sessionId_seq_key" ON "SessionEvent" ("sessionId", "seq");

CREATE TABLE "Note" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "sessionQuestionId" TEXT REFERENCES "SessionQuestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "authorId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "body" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL,
  "deletedAt" TIMESTAMPTZ(3)
);
CREATE INDEX "Note_sessionId_createdAt_idx" ON "Note" ("sessionId", "createdAt");

CREATE TABLE "Score" (
  "id" TEXT PRIMARY KEY,
  "sessionId" TEXT NOT NULL REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "sessionQuestionId" TEXT NOT NULL REFERENCES "SessionQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "scorerId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "criteria" JSONB NOT NULL DEFAULT '[]',
  "overall" DOUBLE PRECISION,
  "outOf" DOUBLE PRECISION NOT NULL DEFAULT 10,
  "comment" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "Score_sessionQuestionId_scorerId_key" ON "Score" ("sessionQuestionId", "scorerId");
CREATE INDEX "Score_sessionId_idx" ON "Score" ("sessionId");

CREATE TABLE "InterviewTemplate" (
  "id" TEXT PRIMARY KEY,
  "ownerId" TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "title" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "InterviewTemplate_ownerId_idx" ON "InterviewTemplate" ("ownerId");

CREATE TABLE "TemplateItem" (
  "id" TEXT PRIMARY KEY,
  "templateId" TEXT NOT NULL REFERENCES "InterviewTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "bankQuestionId" TEXT NOT NULL REFERENCES "BankQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "position" INTEGER NOT NULL,
  "timeBoxSec" INTEGER
);
CREATE UNIQUE INDEX "TemplateItem_templateId_position_key" ON "TemplateItem" ("templateId", "position");

-- migrate:down
DROP TABLE "TemplateItem", "InterviewTemplate", "Score", "Note", "SessionEvent", "Invite", "Participant",
  "SessionQuestion", "InterviewSession", "ExampleScore", "RedFlag", "KeyPoint", "RubricCriterion",
  "BankFollowUp", "BankQuestion", "BankSection", "BankDocument", "VerificationToken", "Session", "Account", "User";
DROP TYPE "ParticipantRole", "SessionStatus";
