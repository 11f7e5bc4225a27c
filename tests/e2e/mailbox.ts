import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { mailDir } from "../../playwright.config";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The text/calendar part of an invitation, as a calendar reads it. */
  calendar: string | null;
  parsed: ParsedMail;
}

async function allMail(): Promise<Mail[]> {
  const files = (await readdir(mailDir).catch(() => [] as string[])).filter((file) => file.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(path.join(mailDir, file)));
      const addresses = [parsed.to ?? []].flat().flatMap((to) => to.value.map((entry) => entry.address ?? ""));
      const calendarPart = parsed.attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"));
      return {
        to: addresses,
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
        html: typeof parsed.html === "string" ? parsed.html : "",
        calendar: calendarPart ? calendarPart.content.toString("utf8") : null,
        parsed,
      };
    }),
  );
}

/** The emails the app sent to `address` so far, oldest first (the suite's SMTP server keeps them). */
export async function mailTo(address: string): Promise<Mail[]> {
  return (await allMail()).filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits for the `count`-th email to `address` whose subject matches, and returns it. */
export async function waitForMail(address: string, subject: RegExp, count = 1, timeout = 30_000): Promise<Mail> {
  let found: Mail[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).filter((mail) => subject.test(mail.subject));
        return found.length;
      },
      { timeout, message: `email to ${address} with subject ${subject}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

/** The first link in an email's plain-text part that starts with `prefix` (e.g. the app's URL). */
export function linkIn(mail: Mail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in "${mail.subject}":\n${mail.text}`);
  return link;
}
