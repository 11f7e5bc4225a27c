-- migrate:up

-- A co-interviewer helps the owner run the room (reveals follow-ups, ticks key points, shares notes with
-- interviewers) and scores on a scorecard of their own. Invited by link, like observers.
ALTER TYPE "ParticipantRole" ADD VALUE IF NOT EXISTS 'CO_INTERVIEWER' AFTER 'INTERVIEWER';

-- migrate:down
