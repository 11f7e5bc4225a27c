import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function BankQuestionLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the question
      </span>
      <Skeleton className="mb-6 h-3.5 w-64 max-w-full" />
      <Skeleton className="mb-3 h-8 w-[36rem] max-w-full" />
      <Skeleton className="mb-8 h-3 w-40" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="h-96" />
        <Card className="h-72" />
      </div>
    </div>
  );
}
