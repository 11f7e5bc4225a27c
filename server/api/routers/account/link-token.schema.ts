import { z } from "zod";

/** The token of an emailed account link, as its page read it from the address; its signature is checked by the service. */
export const linkTokenSchema = z.string().trim().min(1, "This link is incomplete.").max(2048, "This link is not one of ours.");
