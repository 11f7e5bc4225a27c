// "Book a slot" end to end, as two strangers would use it: each sets a practice profile, one books an hour
// for a topic, the other sees someone waiting at that hour and books it too; both are matched, see each
// other in their bookings and can open the room, which says when it opens; a cancellation frees the other.
import { expect, signUpNew, test } from "./fixtures";
import { newPage, screenshot, setProfile } from "./practice-pages";

test("two strangers book the same slot and topic, are matched, and one cancels", async ({ browser, newContext }) => {
  test.setTimeout(180_000);
  const ann = await newPage(browser, newContext);
  const ben = await newPage(browser, newContext);
  await signUpNew(ann, "Ann Booker");
  await signUpNew(ben, "Ben Booker");
  await ann.goto("/practice");
  const topic = await setProfile(ann, false);
  await ben.goto("/practice");
  expect(await setProfile(ben, false)).toBe(topic);

  // Ann books tomorrow's first hour shown for the topic.
  const annSlots = ann.getByTestId("book-a-slot");
  await expect(annSlots.getByLabel("Topic for the slot")).toHaveValue(topic);
  await annSlots.getByRole("tab").nth(1).click();
  const hour = annSlots.getByTestId("slot-times").getByRole("button").nth(9);
  const slot = await hour.getAttribute("data-slot");
  await hour.click();
  await expect(hour).toHaveAttribute("aria-pressed", "true");
  await screenshot(ann, "slot-chosen");
  await annSlots.getByRole("button", { name: /^Book \d\d:\d\d$/ }).click();
  await expect(annSlots.getByTestId("slot-outcome")).toContainText("Booked. We will match you when someone books the same slot and topic");
  await expect(annSlots.getByTestId("slot-booking")).toContainText("looking for a partner");
  await expect(annSlots.locator(`[data-slot="${slot}"]`)).toContainText("booked");

  // Ben, coming to the page now, sees one person waiting at that hour, and books it.
  await ben.reload();
  const benSlots = ben.getByTestId("book-a-slot");
  await benSlots.getByRole("tab").nth(1).click();
  const same = benSlots.locator(`[data-slot="${slot}"]`);
  await expect(same).toContainText("1 waiting");
  await screenshot(ben, "slot-waiting");
  await same.click();
  await benSlots.getByRole("button", { name: /^Book \d\d:\d\d$/ }).click();
  await expect(benSlots.getByTestId("slot-outcome")).toContainText("Booked, and matched");
  await expect(benSlots.getByTestId("slot-booking")).toContainText(`${topic} · with Ann Booker`);
  await screenshot(ben, "slot-matched");

  // Ann's page finds the match on its next look (every 15 s), or at once on a reload.
  await ann.reload();
  const annBooking = ann.getByTestId("slot-booking");
  await expect(annBooking).toContainText("with Ben Booker");
  // The room is there already, and says when it opens.
  await annBooking.getByRole("link", { name: "Open the room" }).click();
  await ann.waitForURL("**/room/*");
  await expect(ann.getByTestId("practice-bar")).toHaveAttribute("data-state", "upcoming");
  await expect(ann.getByTestId("practice-bar")).toContainText("Practice booked for");
  // Ann booked first, so she asks first: her waiting room waits for her partner, who needs no invitation.
  await expect(ann.getByTestId("lobby")).toContainText("Waiting for your partner");
  await expect(ann.getByTestId("lobby")).not.toContainText(/invite link/i);
  await screenshot(ann, "slot-room-upcoming");

  // Ben cancels: Ann is looking for a partner again.
  await ben.getByTestId("slot-booking").getByRole("button", { name: "Cancel" }).click();
  await expect(ben.getByRole("dialog")).toContainText("Ann Booker will be told");
  await ben.getByRole("button", { name: "Cancel the booking" }).click();
  await expect(ben.getByTestId("slot-booking")).toHaveCount(0);
  await ann.goto("/practice");
  await expect(ann.getByTestId("slot-booking")).toContainText("looking for a partner");
});
