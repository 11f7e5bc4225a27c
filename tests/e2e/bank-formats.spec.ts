import { readFileSync } from "node:fs";
import { expect, signUpNew, test } from "./fixtures";

// Fixtures made by LibreOffice from one seed-like document (tests/fixtures/bank/formats/README.md).
const FIXTURES = "tests/fixtures/bank/formats";
const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

test("a PDF and a .docx import through the review; key points corrected on the PDF's review are stored", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signUpNew(page, "Petra Pdf");
  await page.goto("/bank/import");
  await expect(page.getByTestId("bank-dropzone")).toContainText("PDF with a text layer, Word (.docx) or HTML");
  await page.getByTestId("bank-file-input").setInputFiles([
    { name: `drills-${stamp}.pdf`, mimeType: PDF, buffer: readFileSync(`${FIXTURES}/interview-drills.pdf`) },
    { name: `drills-${stamp}.docx`, mimeType: DOCX, buffer: readFileSync(`${FIXTURES}/interview-drills.docx`) },
    { name: `scan-${stamp}.pdf`, mimeType: PDF, buffer: readFileSync(`${FIXTURES}/scanned.pdf`) },
  ]);
  const pdf = page.getByRole("region", { name: `drills-${stamp}.pdf` });
  const docx = page.getByRole("region", { name: `drills-${stamp}.docx` });
  const scan = page.getByRole("region", { name: `scan-${stamp}.pdf` });
  for (const file of [pdf, docx]) {
    await expect(file.getByTestId("bank-file-counts")).toHaveText(/^3 questions · 2 follow-ups/, { timeout: 30_000 });
    await expect(file.getByTestId("preview-question").first()).toContainText("How does a write-ahead log make a database crash-safe?");
  }
  await expect(scan).toContainText("has no text layer (it looks scanned)");

  const merge = pdf.getByTestId("preview-question").filter({ hasText: "Write a function that merges overlapping intervals." });
  await merge.locator("summary").click();
  await expect(merge.getByRole("list", { name: "Key points" })).toContainText("Compare with the last merged interval only");
  // From the top: a full-page shot draws the sticky header where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/import-review-pdf.png", fullPage: true });
  // The PDF's card whole, without the sticky import bar over its title.
  await pdf.screenshot({ path: "test-results/screens/import-review-pdf-card.png" });

  await merge.getByRole("button", { name: "Correct this question" }).click();
  const editor = pdf.getByTestId("question-editor");
  const keyPoints = editor.getByLabel("Key points", { exact: true });
  await expect(keyPoints).toHaveValue("Sort by start first\nCompare with the last merged interval only\nO(n log n) time because of the sort");
  await keyPoints.fill("Sort by start first\nExtend the last merged interval while the next overlaps it\nO(n log n) time because of the sort");
  await editor.getByRole("button", { name: "Keep these changes" }).click();
  await expect(editor).toHaveCount(0);
  await merge.locator("summary").click();
  await expect(merge.getByRole("list", { name: "Key points" })).toContainText("Extend the last merged interval while the next overlaps it");

  await page.getByTestId("bank-confirm-import").click();
  await expect(pdf.getByTestId("bank-file-outcome")).toContainText("Imported");
  await expect(docx.getByTestId("bank-file-outcome")).toContainText("Imported");

  await page.goto("/bank");
  await page.getByTestId("bank-search").fill("marmoset");
  await expect(page.getByTestId("bank-result")).toHaveCount(2);
  // Both documents have the question; the question page names the file it came from.
  const seen: string[] = [];
  for (const n of [0, 1]) {
    await page.goto("/bank?q=merges+overlapping+intervals");
    await expect(page.getByTestId("bank-result")).toHaveCount(2);
    await page.getByTestId("bank-result").nth(n).click();
    await expect(page.getByTestId("question-prompt")).toHaveText("Write a function that merges overlapping intervals.");
    const fromPdf = (await page.getByText(`drills-${stamp}.pdf`).count()) > 0;
    seen.push(fromPdf ? "pdf" : "docx");
    // Its line is a line of the converted text, and the page says so.
    await expect(page.getByText(/line \d+ of the text read from it/)).toBeVisible();
    // The key points are shown as the rubric's key-point criterion.
    const points = page.getByTestId("question-rubric");
    if (fromPdf) await expect(points).toContainText("Extend the last merged interval while the next overlaps it");
    else await expect(points).toContainText("Compare with the last merged interval only");
  }
  expect(seen.sort()).toEqual(["docx", "pdf"]);
});
