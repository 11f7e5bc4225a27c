import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./security-headers";

/** "camera=(self), usb=()" as { camera: ["self"], usb: [] }. */
function allowlists(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header.split(",").map((entry) => {
      const [feature = "", list = ""] = entry.trim().split("=");
      return [
        feature,
        list
          .replace(/^\(|\)$/g, "")
          .split(/\s+/)
          .filter(Boolean),
      ];
    }),
  );
}

/** "default-src 'self'; img-src 'self' data:" as { "default-src": ["'self'"], "img-src": ["'self'", "data:"] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("Permissions-Policy", () => {
  const features = allowlists(STATIC_SECURITY_HEADERS["Permissions-Policy"] ?? "");

  it("lets this origin's pages, and no other origin, use the camera, the microphone and screen capture", () => {
    expect(features.camera).toEqual(["self"]);
    expect(features.microphone).toEqual(["self"]);
    expect(features["display-capture"]).toEqual(["self"]);
  });

  it("keeps everything else it names off", () => {
    expect(features.geolocation).toEqual([]);
    expect(features.payment).toEqual([]);
    expect(features.usb).toEqual([]);
  });

  it("opens nothing to another origin", () => {
    for (const [feature, origins] of Object.entries(features))
      expect(
        origins.every((origin) => origin === "self"),
        feature,
      ).toBe(true);
  });
});

describe("the page's Content-Security-Policy and the call", () => {
  const policy = directives(contentSecurityPolicy("nonce", { dev: false }));

  it("connects to the app alone: ICE (STUN, TURN, peers) is outside connect-src in browsers, so no ICE server is listed", () => {
    expect(policy["connect-src"]).toEqual(["'self'"]);
  });

  it("names no `webrtc` directive, which Chromium does not recognise (and whose default is allow)", () => {
    expect(policy.webrtc).toBeUndefined();
  });

  it("needs nothing for video from a camera or a peer: srcObject loads no URL, so media stays the app's own", () => {
    expect(policy["media-src"]).toBeUndefined();
    expect(policy["default-src"]).toEqual(["'self'"]);
  });
});
