/** How the dashboard's figures are made, in words, and how fresh they are. */

const STOCKHOLM_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

export function RefreshedAt({ at }: { at: Date | null }) {
  return (
    <span data-testid="receivables-refreshed-at">
      {at
        ? `Figures as of ${STOCKHOLM_TIME.format(at)}; recomputed every morning.`
        : "Not computed yet: the first recomputation runs tomorrow morning, or now on request."}
    </span>
  );
}

export function ReceivablesMethod({ withMoney }: { withMoney: boolean }) {
  return (
    <details className="rounded-lg bg-white p-4 text-sm shadow-sm">
      <summary className="cursor-pointer font-semibold">How these figures are computed</summary>
      <ul className="mt-2 flex max-w-3xl list-disc flex-col gap-1 pl-5">
        <li>
          Every figure belongs to the period the invoice was issued in (Swedish calendar days; weeks
          run Monday to Sunday) and to its customer's segment and kind as they are now.
        </li>
        {withMoney ? (
          <>
            <li>
              Paid on time: paid in full by the due date, of the invoices that are paid or past due.
              An invoice counts as paid in full from the first moment its payments cover what was
              charged so far; one credited in full is in neither share.
            </li>
            <li>Median days to pay: from issue to paid in full, over the invoices paid in full.</li>
            <li>
              DSO = receivables outstanding at the end of the period ÷ amount invoiced in the period
              × days in the period. Outstanding is the ledger balance of all the filter's invoices
              at the end of the period's last day (money a customer is owed back counts against it).
            </li>
            <li>
              Fees and interest: charged less waived, and paid — payments settle costs before the
              principal, fees before interest.
            </li>
          </>
        ) : null}
        <li>Reached reminder: a reminder, final reminder or handover was sent.</li>
        <li>
          Support contacts: the customers' own chat messages on the invoice (not support's answers
          or internal notes).
        </li>
        <li>
          Churn: of the invoices whose 90 days are over, the share whose customer had a contract end
          within 90 days after the first reminder — or, for invoices without a reminder, after the
          due date. Counted per invoice.
        </li>
        <li>
          Experiments: each step taken with a variant, measured by the outcome job; a share counts
          only outcomes whose window has closed, with its 95 % Wilson interval.
        </li>
        <li>
          The figures are pre-summed per day: every morning the last 180 days of issue days are
          recomputed (payments, reminders and churn keep changing them), everything on the first
          run.
        </li>
      </ul>
    </details>
  );
}
