import { describe, expect, it } from "vitest";
import { renderEmail, type RenderContext } from "./render";
import type { InterviewFacts } from "./messages";

const context: RenderContext = {
  appUrl: "https://mockroom.example",
  fromAddress: "interviews@mockroom.example",
  to: "grace@example.com",
  links: {
    invite: (inviteId) => `https://mockroom.example/join/signed-${inviteId}`,
    account: (purpose, tokenId) => `https://mockroom.example/account/${purpose}/signed-${tokenId}`,
    unsubscribe: (email, kind) => `https://mockroom.example/unsubscribe/${kind}-${email}`,
  },
};

const facts: InterviewFacts = {
  sessionId: "s1",
  title: "System design <b>& friends</b>",
  organiserName: "Ada",
  organiserEmail: "ada@example.com",
  recipientName: "Grace",
  role: "CANDIDATE",
  startsAt: "2026-12-08T13:00:00.000Z",
  durationMin: 45,
  timeZone: "Europe/Paris",
  sequence: 2,
  inviteId: "inv1",
};

describe("rendering an email", () => {
  it("says the same in plain text and in HTML, with the personal link and the time in the recipient's zone", () => {
    const email = renderEmail({ kind: "interviewInvitation", payload: facts }, context);
    expect(email.subject).toBe("Invitation: System design <b>& friends</b>");
    expect(email.text).toContain("Hello Grace,");
    expect(email.text).toContain("When: Tuesday 8 December 2026, 14:00 (Europe/Paris, GMT+1), 45 minutes");
    expect(email.text).toContain("Open your interview: https://mockroom.example/join/signed-inv1");
    expect(email.html).toContain('href="https://mockroom.example/join/signed-inv1"');
    // The title is text in HTML, never markup; and nothing needs an image.
    expect(email.html).toContain("System design &#60;b&#62;&#38; friends&#60;/b&#62;");
    expect(email.html).not.toMatch(/<img|<b>/);
    expect(email.calendar?.method).toBe("REQUEST");
    expect(email.calendar?.content).toContain("UID:interview-s1@mockroom.example");
    expect(email.calendar?.content).toContain("SEQUENCE:2");
    expect(email.calendar?.content).toContain("DTSTART:20261208T130000Z");
    expect(email.headers).toEqual({});
  });

  it("cancels with METHOD:CANCEL for the same entry", () => {
    const email = renderEmail({ kind: "interviewCancelled", payload: { ...facts, sequence: 3 } }, context);
    expect(email.calendar?.method).toBe("CANCEL");
    expect(email.calendar?.content).toContain("METHOD:CANCEL");
    expect(email.calendar?.content).toContain("STATUS:CANCELLED");
    expect(email.calendar?.content).toContain("SEQUENCE:3");
  });

  it("announces a booked practice with the partner, the room and a calendar entry; a cancellation tells whose it was", () => {
    const practice = { ...facts, title: "Practice: Kafka with Ada", organiserName: "Ada", inviteId: null, topic: "Kafka", asksFirst: false };
    const booked = renderEmail({ kind: "practiceBooked", payload: practice }, context);
    expect(booked.subject).toBe("Booked: Practice: Kafka with Ada");
    expect(booked.text).toContain("You are matched with Ada to practise Kafka. Ada asks first; you swap roles at the half.");
    expect(booked.text).toContain("Open the practice room: https://mockroom.example/room/s1");
    expect(booked.calendar?.method).toBe("REQUEST");
    const byPartner = renderEmail({ kind: "practiceCancelled", payload: { ...practice, sequence: 1, byRecipient: false } }, context);
    expect(byPartner.text).toContain("Ada cancelled your practice of Kafka");
    expect(byPartner.text).toContain("Your booking stands");
    expect(byPartner.calendar?.content).toContain("METHOD:CANCEL");
    const byMe = renderEmail({ kind: "practiceCancelled", payload: { ...practice, sequence: 1, byRecipient: true } }, context);
    expect(byMe.text).toContain("You cancelled your practice of Kafka with Ada");
    expect(byMe.text).not.toContain("Your booking stands");
  });

  it("gives a reminder an unsubscribe link, in the body and as one-click List-Unsubscribe", () => {
    const email = renderEmail({ kind: "interviewReminder", payload: { ...facts, before: "15m" } }, context);
    expect(email.subject).toBe("Reminder: System design <b>& friends</b> starts in 15 minutes");
    expect(email.headers["List-Unsubscribe"]).toBe("<https://mockroom.example/unsubscribe/interviewReminder-grace@example.com>");
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email.text).toContain("Stop interview reminders: https://mockroom.example/unsubscribe/interviewReminder-grace@example.com");
    expect(email.calendar).toBeNull();
  });

  it("keeps a subject on one line whatever was stored", () => {
    const email = renderEmail({ kind: "feedbackReady", payload: { sessionId: "s1", title: "Evil\r\nBcc: all@example.com", recipientName: null } }, context);
    expect(email.subject).toBe('Your feedback for "Evil Bcc: all@example.com" is ready');
    expect(email.text).toContain("Read your feedback: https://mockroom.example/sessions/s1");
  });
});
