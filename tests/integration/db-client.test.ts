import { afterAll, describe, expect, it } from "vitest";
import { fileDatabase } from "../support/db";

const { db, pool } = await fileDatabase();

afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});

describe("the database client", () => {
  it("runs the queries sent at once inside a transaction one after another, as pg 9 will require", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      // A question with its relations: Prisma reads each relation with a query of its own, all at once.
      const owner = await db.user.create({ data: { name: "Serial" } });
      const document = await db.bankDocument.create({
        data: {
          ownerId: owner.id,
          sourceFile: "serial.md",
          title: "Serial",
          contentHash: "serial",
          byteSize: 1,
          questions: {
            create: {
              key: "q1",
              position: 0,
              sourceLine: 1,
              prompt: "Why?",
              followUps: { create: { position: 0, prompt: "And then?" } },
              rubric: { create: { position: 0, title: "Reasons" } },
            },
          },
        },
      });
      const read = await db.$transaction(async (tx) =>
        tx.bankQuestion.findMany({ where: { documentId: document.id }, include: { followUps: true, rubric: true, keyPoints: true, redFlags: true } }),
      );
      expect(read[0]).toMatchObject({ followUps: [{ prompt: "And then?" }], rubric: [{ title: "Reasons" }] });
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((warning) => warning.includes("already executing a query"))).toEqual([]);
  });
});
