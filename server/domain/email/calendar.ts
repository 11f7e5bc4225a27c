import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/** One interview's calendar entry as a recipient's calendar keeps it. */
export interface CalendarEntry {
  /** The same for every message about one interview, so a calendar updates the entry it has. */
  uid: string;
  /** Raised by every change; a calendar ignores a message older than what it holds (RFC 5546 2.1.4). */
  sequence: number;
  startsAt: Date;
  durationMin: number;
  title: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string | null; email: string };
  cancelled: boolean;
}

export function calendarUid(sessionId: string, host: string): string {
  return `interview-${sessionId}@${host}`;
}

/**
 * The iCalendar text (RFC 5545) of an invitation (METHOD:REQUEST) or a cancellation (METHOD:CANCEL).
 * Times are UTC: the recipient's calendar shows them in its own zone.
 */
export function calendarFile(entry: CalendarEntry): string {
  const calendar = ical({
    prodId: { company: "Mockroom", product: "Mockroom interviews", language: "EN" },
    method: entry.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: entry.startsAt,
    end: new Date(entry.startsAt.getTime() + entry.durationMin * 60_000),
    summary: entry.title,
    description: entry.description,
    location: entry.url,
    url: entry.url,
    status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: entry.organizer,
    attendees: [
      {
        email: entry.attendee.email,
        name: entry.attendee.name,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

function compactUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** "Add to calendar" links for the calendars people use on the web, for a recipient without a desktop client. */
export function addToCalendarLinks(entry: Pick<CalendarEntry, "startsAt" | "durationMin" | "title" | "description">): { google: string; outlook: string } {
  const end = new Date(entry.startsAt.getTime() + entry.durationMin * 60_000);
  const google = new URL("https://calendar.google.com/calendar/render");
  google.search = new URLSearchParams({
    action: "TEMPLATE",
    text: entry.title,
    dates: `${compactUtc(entry.startsAt)}/${compactUtc(end)}`,
    details: entry.description,
  }).toString();
  const outlook = new URL("https://outlook.live.com/calendar/0/action/compose");
  outlook.search = new URLSearchParams({
    rru: "addevent",
    subject: entry.title,
    startdt: entry.startsAt.toISOString(),
    enddt: end.toISOString(),
    body: entry.description,
  }).toString();
  return { google: google.toString(), outlook: outlook.toString() };
}
