import { processRuntime } from "@/server/platform/process-runtime";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/platform/errors";
import { createGuest } from "@/server/services/accounts/guest";
import { authenticate } from "@/server/services/accounts/sign-in";
import { signUp } from "@/server/services/accounts/sign-up";
import { newInviteToken } from "@/server/services/invites/admission";
import { fileDatabase } from "../support/db";

const { db } = await fileDatabase();
afterAll(() => db.$disconnect());

async function inviteFor(role: "CANDIDATE" | "OBSERVER", overrides: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const owner = await db.user.create({ data: { name: "Owner", email: `owner-${crypto.randomUUID()}@example.com` } });
  const session = await db.interviewSession.create({ data: { title: "Systems design", createdById: owner.id } });
  const { token, tokenHash } = newInviteToken();
  await db.invite.create({
    data: {
      sessionId: session.id,
      role,
      tokenHash,
      createdById: owner.id,
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 3_600_000),
      revokedAt: overrides.revokedAt ?? null,
    },
  });
  return token;
}

describe("accounts", () => {
  it("signs up with a hashed password and authenticates with it", async () => {
    const user = await signUp(db, { name: "Ada", email: "ada@example.com", password: "correct horse" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
    expect(await authenticate(db, "ada@example.com", "correct horse")).toMatchObject({ id: user.id, isGuest: false });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await authenticate(db, "ada@example.com", "wrong password")).toBeNull();
    expect(await authenticate(db, "nobody@example.com", "correct horse")).toBeNull();
  });

  it("refuses a duplicate email with a field error and writes nothing", async () => {
    const before = await db.user.count();
    const attempt = signUp(db, { name: "Ada again", email: "ada@example.com", password: "another one" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.stringContaining("already exists")] } });
    expect(await db.user.count()).toBe(before);
  });

  it("creates a guest only for a valid invite", async () => {
    const valid = await inviteFor("CANDIDATE");
    const guest = await createGuest(db, processRuntime().engine, "Grace", valid, new Date());
    expect(guest).toMatchObject({ name: "Grace", email: null, isGuest: true });

    const expired = await inviteFor("CANDIDATE", { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await inviteFor("CANDIDATE", { revokedAt: new Date() });
    const before = await db.user.count();
    expect(await createGuest(db, processRuntime().engine, "Mallory", expired, new Date())).toBeNull();
    expect(await createGuest(db, processRuntime().engine, "Mallory", revoked, new Date())).toBeNull();
    expect(await createGuest(db, processRuntime().engine, "Mallory", "forged-token-that-matches-nothing", new Date())).toBeNull();
    expect(await db.user.count()).toBe(before);
  });

  it("lets a guest claim their identity by signing up", async () => {
    const guest = await createGuest(db, processRuntime().engine, "Linus", await inviteFor("CANDIDATE"), new Date());
    if (!guest) throw new Error("guest not created");
    const claimed = await signUp(db, { name: "Linus T", email: "linus@example.com", password: "penguins rule" }, { currentGuestId: guest.id });
    expect(claimed).toMatchObject({ id: guest.id, isGuest: false, email: "linus@example.com" });
    expect(await authenticate(db, "linus@example.com", "penguins rule")).toMatchObject({ id: guest.id });
  });
});
