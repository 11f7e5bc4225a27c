import { describe, expect, it } from "vitest";
import { EnvError, iceConfigOf, parseEnv } from "@/server/platform/env";

const SECRET = "a shared secret of the test";

describe("the ICE configuration", () => {
  it("is none when nothing is set: host candidates only, fine on one machine or a LAN", () => {
    expect(iceConfigOf(parseEnv({}))).toEqual({ stunUrls: [], turn: null, credentialLifetimeSeconds: 600 });
  });

  it("reads comma-separated STUN and TURN URLs with the secret and the lifetime", () => {
    const config = parseEnv({
      ICE_STUN_URLS: "stun:stun.example.com:3478, stun:[2001:db8::1]",
      ICE_TURN_URLS: "turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349?transport=tcp",
      TURN_SHARED_SECRET: SECRET,
      TURN_CREDENTIAL_LIFETIME_SECONDS: "600",
    });
    expect(iceConfigOf(config)).toEqual({
      stunUrls: ["stun:stun.example.com:3478", "stun:[2001:db8::1]"],
      turn: { urls: ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349?transport=tcp"], secret: SECRET },
      credentialLifetimeSeconds: 600,
    });
  });

  it("names a TURN URL without a secret at start, and a secret without a TURN URL", () => {
    expect(() => parseEnv({ ICE_TURN_URLS: "turn:turn.example.com" })).toThrow(/TURN_SHARED_SECRET: must be set when ICE_TURN_URLS is/);
    expect(() => parseEnv({ TURN_SHARED_SECRET: SECRET })).toThrow(/ICE_TURN_URLS: must be set together with TURN_SHARED_SECRET/);
  });

  it("refuses a URL of the wrong scheme, a short secret and a lifetime out of range", () => {
    expect(() => parseEnv({ ICE_STUN_URLS: "turn:turn.example.com" })).toThrow(/ICE_STUN_URLS/);
    expect(() => parseEnv({ ICE_TURN_URLS: "https://turn.example.com", TURN_SHARED_SECRET: SECRET })).toThrow(/ICE_TURN_URLS/);
    expect(() => parseEnv({ ICE_TURN_URLS: "turn:turn.example.com", TURN_SHARED_SECRET: "short" })).toThrow(/TURN_SHARED_SECRET: must be at least 16/);
    expect(() => parseEnv({ TURN_CREDENTIAL_LIFETIME_SECONDS: "10" })).toThrow(EnvError);
  });
});
