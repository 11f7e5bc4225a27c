import "server-only";
import { cache } from "react";
import { appRouter } from "@/server/api/root";
import { createCallerFactory, createContext } from "@/server/api/trpc";
import { currentUser } from "@/server/auth/session";
import { processRuntime } from "@/server/platform/process-runtime";

const createCaller = createCallerFactory(appRouter);

/** tRPC for React Server Components: the same procedures, called in-process with the request's session. */
export const serverApi = cache(async () => createCaller(createContext(processRuntime(), await currentUser())));
