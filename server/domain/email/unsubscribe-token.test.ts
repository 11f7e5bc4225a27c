import { describe, expect, it } from "vitest";
import { SignedLinks } from "@/server/auth/signed-links";
import { readUnsubscribeToken } from "./unsubscribe-token";

describe("unsubscribe tokens", () => {
  const links = new SignedLinks("a secret for tests only, long enough");
  const verify = (token: string) => links.verify("unsubscribe", token);
  const sign = (value: unknown) => links.sign("unsubscribe", JSON.stringify(value));

  it("reads the address and the kind of a reminder's link", () => {
    expect(readUnsubscribeToken(verify, sign({ email: "ada@example.com", kind: "interviewReminder" }))).toEqual({
      email: "ada@example.com",
      kind: "interviewReminder",
    });
  });

  it("refuses a changed token, another purpose's signature, a kind one cannot stop, and garbage", () => {
    const good = sign({ email: "ada@example.com", kind: "interviewReminder" });
    const [value] = good.split(".");
    expect(readUnsubscribeToken(verify, `${value}.${links.sign("verify-email", "x").split(".")[1]}`)).toBeNull();
    expect(readUnsubscribeToken(verify, links.sign("reset-password", JSON.stringify({ email: "ada@example.com", kind: "interviewReminder" })))).toBeNull();
    expect(readUnsubscribeToken(verify, sign({ email: "ada@example.com", kind: "resetPassword" }))).toBeNull();
    expect(readUnsubscribeToken(verify, links.sign("unsubscribe", "not json"))).toBeNull();
    expect(readUnsubscribeToken(verify, "nonsense")).toBeNull();
  });
});
