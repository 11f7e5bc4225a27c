import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html";

const NAME = "notes.html";
const GOOGLE_EXPORT = readFileSync("tests/fixtures/bank/formats/google-docs-export.html", "utf8");

describe("htmlToMarkdown", () => {
  it("reads a Google Docs web page export: title, headings, bold labels from class rules", () => {
    const md = htmlToMarkdown(GOOGLE_EXPORT, NAME);
    expect(md).toMatch(/^# Networking interview questions\n/);
    expect(md).toContain("## 1. What happens when you type a URL and press Enter?");
    expect(md).toContain("**Difficulty:** Medium");
    expect(md).toContain("**Key points**\n\n- DNS resolution");
  });

  it("nests Google's flat lists by their class level and keeps one list around a nested one", () => {
    expect(htmlToMarkdown(GOOGLE_EXPORT, NAME)).toContain(
      "- DNS resolution, with caches at each step\n- TCP and TLS handshakes\n  - TLS 1.3 needs one round trip\n- HTTP request, response and rendering\n",
    );
    expect(htmlToMarkdown(GOOGLE_EXPORT, NAME)).toContain("1. What changes with HTTP/3?\n2. Where can a CDN step in?");
  });

  it("makes consecutive Courier New paragraphs one fenced block, with their indentation", () => {
    expect(htmlToMarkdown(GOOGLE_EXPORT, NAME)).toContain(
      "```\nimport socket\ndef is_open(host, port):\n    with socket.socket() as s:\n        s.settimeout(1)\n        return s.connect_ex((host, port)) == 0\n```",
    );
  });

  it("gives a table without a header its first row as one, follows Google's redirect links and drops empty anchors", () => {
    const md = htmlToMarkdown(GOOGLE_EXPORT, NAME);
    expect(md).toMatch(/\| \*\*Protocol\*\* \| \*\*Delivery\*\* +\|\n\| -+ \| -+ \|\n\| TCP +\| Ordered and reliable \|/);
    expect(md).toContain("[the MDN overview](https://developer.mozilla.org/en-US/docs/Web/HTTP/Overview)");
    expect(md).not.toContain("[]()");
  });

  it("reads Google's clipboard HTML: inline styles inside a <b style=font-weight:normal> wrapper", () => {
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><h2 dir="ltr"><span style="font-size:16pt;font-family:Arial;font-weight:400;">What is a mutex?</span></h2><p dir="ltr"><span style="font-family:Arial;font-weight:700;">Answer:</span><span style="font-family:Arial;font-weight:400;"> a lock that one thread holds at a time, </span><span style="font-style:italic;">usually</span><span style="font-family:'Courier New';"> pthread_mutex_t</span></p></b>`;
    const md = htmlToMarkdown(html, NAME);
    expect(md).toContain("## What is a mutex?");
    expect(md).toContain("**Answer:** a lock that one thread holds at a time, *usually* `pthread_mutex_t`");
  });

  it("keeps an image's description, never its bytes", () => {
    const md = htmlToMarkdown(`<p>Before <img src="data:image/png;base64,${"A".repeat(10_000)}" alt="a sequence diagram"> after</p>`, NAME);
    expect(md).toBe("Before \\[image: a sequence diagram] after\n");
  });

  it("takes linear time on an unclosed style sheet, and refuses markup nested past the stack with a sentence", () => {
    const start = performance.now();
    expect(htmlToMarkdown(`<style>${".c1{font-weight:700".repeat(50_000)}</style><p>x</p>`, NAME)).toBe("x\n");
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(() => htmlToMarkdown(`${"<span>".repeat(100_000)}text`, NAME)).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", message: "notes.html nests its elements too deeply to be read as a document." }),
    );
  });
});
