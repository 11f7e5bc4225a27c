import { z } from "zod";
import { sessionIdInput } from "@/server/api/routers/interview/session.schema";

export const exportFormatSchema = z.enum(["markdown", "json"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const reviewExportInput = sessionIdInput.extend({ format: exportFormatSchema });
/** The report as a file: its name, its type and its text. */
export const reviewExportOutput = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });

export type ReviewExportInput = z.infer<typeof reviewExportInput>;
export type SessionExport = z.infer<typeof reviewExportOutput>;
