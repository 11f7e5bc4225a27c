import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionPage } from "@/components/review/session-page";
import { serverApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Session" };
export const dynamic = "force-dynamic";

/**
 * A session as its member reviews it. Everything here comes from `review.session`, built for this viewer
 * by the live room's view rules: the HTML and RSC payload hold nothing their view does not.
 */
export default async function SessionReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await serverApi();
  let review: Awaited<ReturnType<typeof api.review.session>>;
  try {
    review = await api.review.session({ sessionId: id });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
  return <SessionPage review={review} />;
}
