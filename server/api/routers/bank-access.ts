import { protectedProcedure } from "@/server/api/trpc";
import { canManageBank, canReadBank } from "@/server/domain/bank/policy";
import { AppError } from "@/server/errors";

/** Base of the bank's read procedures: signed in, and allowed by the bank policy. */
export const bankReadProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canReadBank(ctx.user)) throw new AppError("FORBIDDEN", "Guests cannot open the question bank.");
  return next();
});

/** Base of the procedures that change the bank. */
export const bankManageProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canManageBank(ctx.user)) throw new AppError("FORBIDDEN", "Guests cannot import or edit questions; sign up to do that.");
  return next();
});
