import { formatInZone } from "@/server/domain/schedule/time-zone";
import { REMINDERS } from "@/server/domain/schedule/schedule";
import { addToCalendarLinks, calendarFile, calendarUid } from "./calendar";
import { UNSUBSCRIBABLE, type EmailKind, type EmailMessage, type InterviewFacts } from "./messages";

export type AccountLinkPurpose = "verify-email" | "reset-password" | "change-email";

/** What rendering needs besides the message: where links point, signed by the caller (render stays pure). */
export interface RenderContext {
  appUrl: string;
  /** The sender's address, the calendar entry's organizer. */
  fromAddress: string;
  to: string;
  links: {
    invite(inviteId: string): string;
    account(purpose: AccountLinkPurpose, tokenId: string): string;
    unsubscribe(email: string, kind: EmailKind): string;
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** The calendar entry, sent as a text/calendar part and an .ics attachment. */
  calendar: { method: "REQUEST" | "CANCEL"; content: string } | null;
}

/** A paragraph of the message; a link is shown as a button in HTML and as its address in text. */
type Block = { text: string } | { link: string; label: string };

interface Draft {
  subject: string;
  greeting: string | null;
  blocks: Block[];
  calendar?: RenderedEmail["calendar"];
}

const ROLE_PHRASES: Record<InterviewFacts["role"], string> = {
  CANDIDATE: "as the candidate",
  CO_INTERVIEWER: "as a co-interviewer",
  OBSERVER: "as an observer",
  INTERVIEWER: "as the interviewer",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function interviewLink(facts: InterviewFacts, context: RenderContext): string {
  return facts.inviteId ? context.links.invite(facts.inviteId) : `${context.appUrl}/room/${facts.sessionId}`;
}

function whenLine(facts: InterviewFacts): string {
  return `When: ${formatInZone(new Date(facts.startsAt), facts.timeZone)}, ${facts.durationMin} minutes`;
}

function calendarOf(facts: InterviewFacts, context: RenderContext, cancelled: boolean, link: string): RenderedEmail["calendar"] {
  const content = calendarFile({
    uid: calendarUid(facts.sessionId, new URL(context.appUrl).hostname),
    sequence: facts.sequence,
    startsAt: new Date(facts.startsAt),
    durationMin: facts.durationMin,
    title: facts.title,
    description: `Mockroom interview with ${facts.organiserName}. Join: ${link}`,
    url: link,
    organizer: { name: facts.organiserName, email: context.fromAddress },
    attendee: { name: facts.recipientName, email: context.to },
    cancelled,
  });
  return { method: cancelled ? "CANCEL" : "REQUEST", content };
}

function calendarBlocks(facts: InterviewFacts, link: string): Block[] {
  const links = addToCalendarLinks({
    startsAt: new Date(facts.startsAt),
    durationMin: facts.durationMin,
    title: facts.title,
    description: `Mockroom interview. Join: ${link}`,
  });
  return [
    { text: "The calendar entry is attached (invite.ics). Or add it to:" },
    { link: links.google, label: "Google Calendar" },
    { link: links.outlook, label: "Outlook.com" },
  ];
}

function interviewDraft(message: Extract<EmailMessage, { kind: `interview${string}` }>, context: RenderContext): Draft {
  const facts = message.payload;
  const link = interviewLink(facts, context);
  const joinBlock: Block = { link, label: facts.role === "CANDIDATE" ? "Open your interview" : "Open the interview" };
  const greeting = facts.recipientName ? `Hello ${facts.recipientName},` : "Hello,";
  switch (message.kind) {
    case "interviewInvitation":
      return {
        subject: `Invitation: ${facts.title}`,
        greeting,
        blocks: [
          { text: `${facts.organiserName} invites you to "${facts.title}" ${ROLE_PHRASES[facts.role]}.` },
          { text: whenLine(facts) },
          joinBlock,
          ...calendarBlocks(facts, link),
        ],
        calendar: calendarOf(facts, context, false, link),
      };
    case "interviewRescheduled":
      return {
        subject: `Rescheduled: ${facts.title}`,
        greeting,
        blocks: [
          { text: `${facts.organiserName} moved "${facts.title}".` },
          { text: whenLine(facts) },
          { text: `It was: ${formatInZone(new Date(message.payload.previousStartsAt), facts.timeZone)}` },
          joinBlock,
          ...calendarBlocks(facts, link),
        ],
        calendar: calendarOf(facts, context, false, link),
      };
    case "interviewCancelled":
      return {
        subject: `Cancelled: ${facts.title}`,
        greeting,
        blocks: [{ text: `${facts.organiserName} cancelled "${facts.title}", planned for ${formatInZone(new Date(facts.startsAt), facts.timeZone)}.` }],
        calendar: calendarOf(facts, context, true, link),
      };
    case "interviewReminder": {
      const soon = REMINDERS[message.payload.before] < 60 ? `in ${REMINDERS[message.payload.before]} minutes` : "tomorrow";
      return {
        subject: `Reminder: ${facts.title} starts ${soon}`,
        greeting,
        blocks: [{ text: `"${facts.title}" with ${facts.organiserName} starts ${soon}.` }, { text: whenLine(facts) }, joinBlock],
      };
    }
  }
}

function practiceDraft(message: Extract<EmailMessage, { kind: `practice${string}` }>, context: RenderContext): Draft {
  const facts = message.payload;
  const link = `${context.appUrl}/room/${facts.sessionId}`;
  const greeting = facts.recipientName ? `Hello ${facts.recipientName},` : "Hello,";
  const partner = facts.organiserName;
  if (message.kind === "practiceCancelled") {
    const when = formatInZone(new Date(facts.startsAt), facts.timeZone);
    const blocks: Block[] = message.payload.byRecipient
      ? [{ text: `You cancelled your practice of ${facts.topic} with ${partner}, booked for ${when}.` }]
      : [
          { text: `${partner} cancelled your practice of ${facts.topic}, booked for ${when}.` },
          { text: "Your booking stands: if someone else books this slot and topic, you will be matched and told by email." },
          { link: `${context.appUrl}/practice`, label: "See your bookings" },
        ];
    return { subject: `Cancelled: ${facts.title}`, greeting, blocks, calendar: calendarOf(facts, context, true, link) };
  }
  return {
    subject: `Booked: ${facts.title}`,
    greeting,
    blocks: [
      {
        text: `You are matched with ${partner} to practise ${facts.topic}. ${facts.asksFirst ? "You ask first" : `${partner} asks first`}; you swap roles at the half.`,
      },
      { text: whenLine(facts) },
      { link, label: "Open the practice room" },
      ...calendarBlocks(facts, link),
    ],
    calendar: calendarOf(facts, context, false, link),
  };
}

function accountDraft(
  message: Extract<EmailMessage, { kind: "verifyEmail" | "resetPassword" | "changeEmail" | "emailChanged" }>,
  context: RenderContext,
): Draft {
  const greeting = message.payload.name ? `Hello ${message.payload.name},` : "Hello,";
  const ignore: Block = { text: "If you did not ask for this, ignore this email: nothing changes." };
  switch (message.kind) {
    case "verifyEmail":
      return {
        subject: "Confirm your email address for Mockroom",
        greeting,
        blocks: [
          { text: "Confirm that this address is yours. The link works once, for 24 hours." },
          { link: context.links.account("verify-email", message.payload.tokenId), label: "Confirm my address" },
          ignore,
        ],
      };
    case "resetPassword":
      return {
        subject: "Reset your Mockroom password",
        greeting,
        blocks: [
          {
            text: "Someone asked to reset the password of the Mockroom account with this address. The link works once, for one hour; setting a new password signs you out everywhere.",
          },
          { link: context.links.account("reset-password", message.payload.tokenId), label: "Choose a new password" },
          ignore,
        ],
      };
    case "changeEmail":
      return {
        subject: "Confirm your new email address for Mockroom",
        greeting,
        blocks: [
          { text: `Confirm that your Mockroom account should use ${message.payload.newEmail} from now on. The link works once, for 24 hours.` },
          { link: context.links.account("change-email", message.payload.tokenId), label: "Use this address" },
          ignore,
        ],
      };
    case "emailChanged":
      return {
        subject: "Your Mockroom email address was changed",
        greeting,
        blocks: [
          {
            text: `Your Mockroom account now uses ${message.payload.newEmail}. If you did not do this, reset your password from the sign-in page, or reply to this email.`,
          },
        ],
      };
  }
}

function draftOf(message: EmailMessage, context: RenderContext): Draft {
  switch (message.kind) {
    case "interviewInvitation":
    case "interviewRescheduled":
    case "interviewCancelled":
    case "interviewReminder":
      return interviewDraft(message, context);
    case "practiceBooked":
    case "practiceCancelled":
      return practiceDraft(message, context);
    case "feedbackReady": {
      const { payload } = message;
      return {
        subject: `Your feedback for "${payload.title}" is ready`,
        greeting: payload.recipientName ? `Hello ${payload.recipientName},` : "Hello,",
        blocks: [
          { text: `Your interviewer has shared feedback on "${payload.title}".` },
          { link: `${context.appUrl}/sessions/${payload.sessionId}`, label: "Read your feedback" },
        ],
      };
    }
    case "verifyEmail":
    case "resetPassword":
    case "changeEmail":
    case "emailChanged":
      return accountDraft(message, context);
  }
}

function textOf(draft: Draft, footer: Block[]): string {
  const lines = [draft.greeting, ...[...draft.blocks, ...footer].map((block) => ("link" in block ? `${block.label}: ${block.link}` : block.text))];
  return `${lines.filter((line) => line !== null).join("\n\n")}\n`;
}

function htmlOf(draft: Draft, footer: Block[]): string {
  const paragraph = (block: Block) =>
    "link" in block
      ? `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a><br><span style="font-size:12px;color:#555">${escapeHtml(block.link)}</span></p>`
      : `<p>${escapeHtml(block.text)}</p>`;
  const small = (block: Block) =>
    `<p style="font-size:12px;color:#555">${"link" in block ? `<a href="${escapeHtml(block.link)}" style="color:#555">${escapeHtml(block.label)}</a>` : escapeHtml(block.text)}</p>`;
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#111">${draft.greeting ? `<p>${escapeHtml(draft.greeting)}</p>` : ""}${draft.blocks.map(paragraph).join("")}${footer.map(small).join("")}</body></html>`;
}

/**
 * The email a message becomes: subject, a plain-text part and an HTML part that say the same and need no
 * image, the link to the page it is about, the calendar entry for an invitation, and for a reminder the
 * unsubscribe link, also as List-Unsubscribe with one-click POST (RFC 8058).
 */
export function renderEmail(message: EmailMessage, context: RenderContext): RenderedEmail {
  const draft = draftOf(message, context);
  const headers: Record<string, string> = {};
  const footer: Block[] = [{ text: "Sent by Mockroom." }];
  if (UNSUBSCRIBABLE.has(message.kind)) {
    const unsubscribe = context.links.unsubscribe(context.to, message.kind);
    headers["List-Unsubscribe"] = `<${unsubscribe}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    footer.push({ link: unsubscribe, label: "Stop interview reminders" });
  }
  // Titles and names are refused with a line break at input; a subject is one line whatever was stored.
  const subject = draft.subject.replace(/[\r\n\u2028\u2029]+/g, " ");
  return { subject, text: textOf(draft, footer), html: htmlOf(draft, footer), headers, calendar: draft.calendar ?? null };
}
