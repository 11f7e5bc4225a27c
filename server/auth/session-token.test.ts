import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "a-secret-of-some-length-for-the-tests";

describe("decodeSessionToken", () => {
  it("reads what next-auth's own encode wrote, as next-auth's decode does, with or without a salt", async () => {
    for (const salt of ["", "a-salt"]) {
      const token = await encode({ token: { sub: "user_1", name: "Ada", isGuest: false }, secret, salt });
      expect(await decodeSessionToken({ token, secret, salt })).toEqual(await decode({ token, secret, salt }));
      expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ sub: "user_1", name: "Ada", isGuest: false });
    }
  });

  it("refuses a token made with another secret or salt, or tampered with", async () => {
    const token = await encode({ token: { sub: "user_1" }, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "other" })).rejects.toThrow();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
