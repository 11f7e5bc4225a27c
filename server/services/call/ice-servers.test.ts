import { describe, expect, it } from "vitest";
import { iceServersOf, turnCredential, type IceConfig } from "@/server/services/call/ice-servers";

// Computed outside this code, as coturn would check it:
//   printf %s "1700003600:user_ada" | openssl dgst -sha1 -hmac "a shared secret of the test" -binary | base64
const SECRET = "a shared secret of the test";
const EXPECTED = { username: "1700003600:user_ada", credential: "zUfJd7VnJm/wYR3dXnGRL5jVOcc=" };

const config: IceConfig = {
  stunUrls: ["stun:stun.example.com:3478"],
  turn: { urls: ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"], secret: SECRET },
  credentialLifetimeSeconds: 3600,
};

describe("TURN credentials", () => {
  it("are the TURN REST API's: '<expiry>:<user id>' and base64(HMAC-SHA1(secret, username))", () => {
    expect(turnCredential(SECRET, "user_ada", new Date(1_700_003_600_000))).toEqual(EXPECTED);
  });

  it("run out the configured lifetime after now, in whole seconds", () => {
    const { iceServers, expiresAt } = iceServersOf(config, "user_ada", new Date(1_700_000_000_999));
    expect(expiresAt).toEqual(new Date(1_700_003_600_000));
    expect(iceServers[1]).toEqual({ urls: config.turn?.urls, ...EXPECTED });
  });

  it("are each member's own: another user, or another secret, gets another password", () => {
    const now = new Date(1_700_000_000_000);
    const ada = iceServersOf(config, "user_ada", now).iceServers[1];
    const bea = iceServersOf(config, "user_bea", now).iceServers[1];
    const otherSecret = iceServersOf({ ...config, turn: { urls: ["turn:turn.example.com"], secret: "another secret of 16+" } }, "user_ada", now).iceServers[1];
    expect(bea?.username).toBe("1700003600:user_bea");
    expect(bea?.credential).not.toBe(ada?.credential);
    expect(otherSecret?.credential).not.toBe(ada?.credential);
  });
});

describe("the ICE servers of a member", () => {
  it("give STUN as configured, without a credential, before TURN", () => {
    const { iceServers } = iceServersOf(config, "user_ada", new Date(0));
    expect(iceServers[0]).toEqual({ urls: ["stun:stun.example.com:3478"] });
    expect(iceServers).toHaveLength(2);
  });

  it("are none without configuration (host candidates only), and STUN alone without TURN", () => {
    const none: IceConfig = { stunUrls: [], turn: null, credentialLifetimeSeconds: 3600 };
    expect(iceServersOf(none, "user_ada", new Date(0)).iceServers).toEqual([]);
    expect(iceServersOf({ ...none, stunUrls: ["stun:a.example.com"] }, "user_ada", new Date(0)).iceServers).toEqual([{ urls: ["stun:a.example.com"] }]);
  });

  it("never carry the shared secret", () => {
    expect(JSON.stringify(iceServersOf(config, "user_ada", new Date(0)))).not.toContain(SECRET);
  });
});
