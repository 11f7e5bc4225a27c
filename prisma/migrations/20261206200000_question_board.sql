-- migrate:up

-- A question's starting diagram: the Excalidraw elements its whiteboard starts with in the room
-- (server/domain/board/board-element.ts). NULL for a question without one, which is every question
-- stored before this column existed; the app validates the JSON with startingDiagramSchema on every
-- write and read.
ALTER TABLE "BankQuestion" ADD COLUMN IF NOT EXISTS "board" JSONB;

-- migrate:down
ALTER TABLE "BankQuestion" DROP COLUMN IF EXISTS "board";
