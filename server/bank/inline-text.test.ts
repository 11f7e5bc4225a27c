import { describe, expect, it } from "vitest";
import { plainInline, unquote, withoutEmoji } from "./inline-text";

describe("plainInline", () => {
  it("drops inline tags without leaving a gap before punctuation", () => {
    expect(plainInline("the socket stays in <code>TIME_WAIT</code>. Your next")).toBe("the socket stays in TIME_WAIT. Your next");
    expect(plainInline("<b>Answer</b>: <i>yes</i>")).toBe("Answer: yes");
  });

  it("keeps what code spans hold, and tags that are the subject rather than the layout", () => {
    expect(plainInline("Can a page contain multiple `<header>` elements?")).toBe("Can a page contain multiple <header> elements?");
    // Read twice, as a heading's text is when it becomes a prompt.
    expect(plainInline(plainInline("multiple `<header>` elements"))).toBe("multiple <header> elements");
    expect(plainInline("a `Map<String, Object>` of `**kwargs`")).toBe("a Map<String, Object> of **kwargs");
    expect(plainInline("KILL <id>")).toBe("KILL <id>");
  });

  it("removes bold around a code span, before a hard break's spaces too", () => {
    expect(plainInline("**Can I change `const`?**  ")).toBe("Can I change const?");
    expect(plainInline("**a `b` c** d `**x**` e")).toBe("a b c d **x** e");
  });

  it("removes layout tags, links, images and emphasis", () => {
    expect(plainInline('<p align="center">**Bold** and _it_ [link](https://x.y) ![img](a.png)</p>')).toBe("Bold and it link img");
  });
});

describe("withoutEmoji", () => {
  it("removes emoji and GitHub shortcodes", () => {
    expect(withoutEmoji("🚀 Launch")).toBe("Launch");
    expect(withoutEmoji(":diamond_shape_with_a_dot_inside: Networking")).toBe("Networking");
    expect(withoutEmoji("Time: 10:30 to 11:00")).toBe("Time: 10:30 to 11:00");
    // A keycap numbers what follows: its digit goes with it.
    expect(withoutEmoji("1️⃣ What is Python?")).toBe("What is Python?");
    expect(withoutEmoji("Step 2 of 3")).toBe("Step 2 of 3");
  });
});

describe("unquote", () => {
  it("strips the quotes or emphasis a whole prompt is wrapped in, and nothing else", () => {
    expect(unquote('"What is a closure?"')).toBe("What is a closure?");
    expect(unquote("“Design a system”")).toBe("Design a system");
    expect(unquote("**Why?**")).toBe("Why?");
    expect(unquote('He said "no"')).toBe('He said "no"');
    expect(unquote('"')).toBe('"');
    expect(unquote(`${'"'.repeat(5000)}a`)).toBe(`${'"'.repeat(5000)}a`);
  });
});
