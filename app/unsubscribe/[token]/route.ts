import { authSecret } from "@/server/auth/auth-secret";
import { signedLinks } from "@/server/auth/signed-links";
import { readUnsubscribeToken } from "@/server/domain/email/unsubscribe-token";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

// The unsubscribe link of reminder emails. GET only shows a button (mail scanners open links, and must
// not unsubscribe anyone by doing so); POST records the opt-out: the button's, and the one-click
// unsubscribe mail clients send on their own (RFC 8058: "List-Unsubscribe=One-Click" in the body).

type Params = { params: Promise<{ token: string }> };

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// A page of its own, outside the app's layout: plain, readable, light or dark as the reader's system is.
const STYLE = [
  ":root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}",
  "body{margin:0;display:grid;place-items:center;min-height:100vh;background:Canvas;color:CanvasText}",
  "main{max-width:28rem;margin:1.5rem;padding:2rem;border:1px solid color-mix(in srgb,CanvasText 15%,transparent);border-radius:.75rem}",
  ".brand{margin:0 0 1rem;font-weight:600;color:#4f46e5}",
  "h1{font-size:1.25rem;margin:0 0 .5rem}",
  "button{margin-top:.5rem;font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:.375rem;background:#4f46e5;color:#fff;cursor:pointer}",
].join("");

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Mockroom</title><style>${STYLE}</style></head><body><main><p class="brand">Mockroom</p><h1>${escape(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

const badLink = () =>
  page(400, "This unsubscribe link does not work", "<p>It was changed or copied incompletely. Open the link from the email again; nothing was changed.</p>");

function optOutOf(token: string) {
  const links = signedLinks(authSecret());
  return readUnsubscribeToken((value) => links.verify("unsubscribe", value), decodeURIComponent(token));
}

export async function GET(_request: Request, { params }: Params) {
  const optOut = optOutOf((await params).token);
  if (!optOut) return badLink();
  return page(
    200,
    "Stop interview reminders?",
    `<p>${escape(optOut.email)} will no longer get reminders before interviews. Invitations and changes to an interview still arrive.</p><form method="post"><button type="submit">Stop reminders</button></form>`,
  );
}

export async function POST(_request: Request, { params }: Params) {
  const token = decodeURIComponent((await params).token);
  const optOut = await (await serverApi()).email.unsubscribe({ token }).catch(() => null);
  if (!optOut) return badLink();
  return page(200, "Reminders stopped", `<p>${escape(optOut.email)} will no longer get interview reminders from Mockroom.</p>`);
}
