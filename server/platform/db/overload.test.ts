import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { isDatabaseOverload } from "./overload";

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code, clientVersion: "7" });

describe("isDatabaseOverload", () => {
  it("tells a full pool (a transaction or a connection not had in time) from everything else", () => {
    expect(isDatabaseOverload(prismaError("P2028"))).toBe(true);
    expect(isDatabaseOverload(prismaError("P2024"))).toBe(true);
    expect(isDatabaseOverload(prismaError("P2002"))).toBe(false);
    expect(isDatabaseOverload(new Error("P2028"))).toBe(false);
  });
});
