import type { BankDocument } from "@/server/bank/bank-format";
import { excalidrawFences, readExcalidrawJson } from "@/server/domain/board/excalidraw-json";
import { AppError } from "@/server/platform/errors";

/**
 * A document's starting diagrams: a fenced `excalidraw` block in a question's statement (the text read
 * out with its prompt) holds Excalidraw's JSON, which becomes the question's `board` and leaves the
 * statement. A block in an answer stays there: the answer is the interviewer's, the diagram would be the
 * candidate's. A block that is not a diagram the board takes refuses the file, saying which and why.
 */
export function withStartingDiagrams(document: BankDocument): BankDocument {
  return {
    ...document,
    questions: document.questions.map((question) => {
      if (question.context === null) return question;
      const { rest, blocks } = excalidrawFences(question.context);
      if (blocks.length === 0) return question;
      const where = `${document.sourceFile}, line ${question.source.line} (“${clip(question.prompt)}”)`;
      if (blocks.length > 1)
        throw new AppError("BAD_REQUEST", `${where}: a question has one starting diagram; this one has ${blocks.length} excalidraw blocks.`);
      const read = readExcalidrawJson(blocks[0]!);
      if (!read.ok) throw new AppError("BAD_REQUEST", `${where}: its excalidraw block is not a diagram the whiteboard can show: ${read.message}.`);
      return { ...question, context: rest, board: read.elements };
    }),
  };
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
