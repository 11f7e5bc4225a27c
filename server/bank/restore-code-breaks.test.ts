import { describe, expect, it } from "vitest";
import { restoreCodeBreaks } from "./restore-code-breaks";

describe("restoreCodeBreaks", () => {
  it("splits statements glued after a semicolon, keeping the indentation", () => {
    const line = "    const conn = await db.getConnection();  const key = `order-${id}`;  await conn.query('BEGIN');";
    expect(restoreCodeBreaks(line)).toEqual({
      code: "    const conn = await db.getConnection();\n    const key = `order-${id}`;\n    await conn.query('BEGIN');",
      restored: 2,
    });
  });

  it("splits comments glued to comments, but not URLs", () => {
    const line = '    // Look for:// - "executionTimeMillis": should be < 100ms// - totalDocsExamined: 1 see http://docs.example.com/x';
    expect(restoreCodeBreaks(line).code.split("\n")).toEqual([
      "    // Look for:",
      '    // - "executionTimeMillis": should be < 100ms',
      "    // - totalDocsExamined: 1 see http://docs.example.com/x",
    ]);
  });

  it("leaves intact code alone: loops, strings, trailing comments, short lines", () => {
    for (const code of [
      "for (let i = 0; i < values.length; i++) { total += values[i]; } // a long enough line to be checked",
      "const sql = 'SELECT 1; SELECT 2; SELECT 3; -- all inside one string literal that is long';",
      "x = 1; y = 2;",
      "mongo mongodb://prod-db.internal:27017// Run explain with actual execution stats on the slow query",
    ]) {
      expect(restoreCodeBreaks(code)).toEqual({ code, restored: 0 });
    }
  });
});
