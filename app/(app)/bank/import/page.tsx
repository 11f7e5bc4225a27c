import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { BankImporter } from "@/components/bank/bank-importer";
import { BankNeedsAccount } from "@/components/app-shell/account-needed";
import { currentUser } from "@/server/auth/session";
import { canImportToBank } from "@/server/domain/bank/policy";

export const metadata: Metadata = { title: "Import documents" };
export const dynamic = "force-dynamic";

export default async function BankImportPage() {
  const user = await currentUser();
  if (!user || !canImportToBank(user)) return <BankNeedsAccount />;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-12">
      <Link
        href="/bank"
        className="mb-5 inline-flex items-center gap-1 rounded text-[13px] text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <ChevronLeft aria-hidden className="size-3.5" />
        Question bank
      </Link>
      <PageHeader title="Import documents" description="Check what was recognised, correct it if needed, then add it to the bank." />
      <div className="mt-8">
        <BankImporter />
      </div>
    </div>
  );
}
