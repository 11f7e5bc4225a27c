import { Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ExportBankButton } from "@/components/bank/export-bank-button";
import { BankBrowser } from "@/components/bank/bank-browser";
import { BankNeedsAccount } from "@/components/app-shell/account-needed";
import { currentUser } from "@/server/auth/session";
import { canImportToBank, canReadBank } from "@/server/domain/bank/policy";

export const metadata: Metadata = { title: "Question bank" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BankPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await currentUser();
  if (!user || !canReadBank(user)) return <BankNeedsAccount />;
  const params = await searchParams;
  const param = (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : "";
  };
  const canManage = canImportToBank(user);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title="Question bank"
        description="Questions, follow-ups and rubrics from interview-prep documents: the shared ones, and the ones you import, which only you can see."
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportBankButton />
            {canManage ? (
              <Button asChild>
                <Link href="/bank/import">
                  <Upload aria-hidden />
                  Import documents
                </Link>
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="mt-8">
        <BankBrowser
          canManage={canManage}
          initial={{ q: param("q"), document: param("document"), section: param("section"), difficulty: param("difficulty"), tag: param("tag") }}
        />
      </div>
    </div>
  );
}
