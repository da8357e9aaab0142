import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { MarkPrintedButton } from "@/components/finance/collections/mark-printed-button";
import { kronor } from "@/components/finance/finance-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { LETTER_BATCH, listLettersToPrint } from "@/lib/collections/letters";
import { STEP_KIND_WORDS } from "@/lib/collections/policy-words";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].letters.title };
}
export const dynamic = "force-dynamic";

const CELL = "px-2 py-1.5";

/**
 * The collection letters waiting to be printed and posted, the oldest first, a batch at a time:
 * each one's PDF, the batch as one PDF, and marking printed what was printed.
 */
export default async function LettersPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/letters");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
  const { letters, total } = await listLettersToPrint(await getDb(), staff.organizationId);
  const ids = letters.map((letter) => letter.id);
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/letters" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.letters.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{tp.letters.intro}</p>
      {letters.length === 0 ? (
        <p className="mt-6 text-slate-700" data-testid="no-letters">
          {tp.letters.none}
        </p>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <a
              href={`/api/finance/collections/letters.pdf?ids=${ids.join(",")}`}
              className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
              download
            >
              {tp.letters.download(letters.length)}
            </a>
            <MarkPrintedButton
              locale={staff.locale}
              actionIds={ids}
              label={tp.letters.markAll(letters.length)}
            />
          </div>
          {total > letters.length ? (
            <p className="mt-2 text-sm text-slate-700">{tp.letters.batch(total, LETTER_BATCH)}</p>
          ) : null}
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{tp.letters.caption}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={CELL}>
                    {tp.letters.invoice}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.letters.customer}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.letters.step}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.letters.taken}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.letters.payBy}
                  </th>
                  <th scope="col" className={`${CELL} text-right`}>
                    {tp.letters.amount}
                  </th>
                  <th scope="col" className={CELL}>
                    <span className="sr-only">{tp.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {letters.map((letter) => (
                  <tr key={letter.id} className="border-b border-slate-200" data-testid="letter">
                    <td className={`${CELL} tabular-nums`}>{letter.invoiceNumber}</td>
                    <td className={CELL}>
                      {letter.customerName}
                      <span className="block text-xs text-slate-600">
                        {letter.postalCode} {letter.city}
                      </span>
                    </td>
                    <td className={CELL}>{STEP_KIND_WORDS.sv[letter.kind]}</td>
                    <td className={`${CELL} tabular-nums`}>{letter.performedOn}</td>
                    <td className={`${CELL} tabular-nums`}>{letter.payBy ?? "—"}</td>
                    <td className={`${CELL} text-right tabular-nums`}>
                      {kronor(letter.amountOre)}
                    </td>
                    <td className={CELL}>
                      <div className="flex flex-wrap items-center gap-2">
                        <a
                          href={`/api/finance/collections/letters/${letter.id}/pdf`}
                          className="text-blue-800 underline"
                          aria-label={tp.letters.pdfOf(letter.invoiceNumber)}
                          download
                        >
                          PDF
                        </a>
                        <MarkPrintedButton
                          locale={staff.locale}
                          actionIds={[letter.id]}
                          label={tp.letters.printed}
                          accessibleLabel={tp.letters.markPrinted(letter.invoiceNumber)}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </StaffShell>
  );
}
