-- How each bank payment came (bankgiro, bank_transfer, swish_direct), and the payments back that
-- an organisation's refund policy asks finance to make.
ALTER TABLE "BankPayment" ADD COLUMN "method" TEXT NOT NULL DEFAULT 'bank_transfer';
-- Booked payments: the method their ledger entry recorded; the rest: bankgiro for BgMax files.
UPDATE "BankPayment" AS p SET "method" = e."memo"
  FROM "LedgerEntry" AS e
 WHERE e."kind" = 'PAYMENT' AND e."externalRef" = 'bank:' || p."organizationId" || ':' || p."entryReference"
   AND e."memo" IN ('bankgiro', 'bank_transfer');
UPDATE "BankPayment" AS p SET "method" = 'bankgiro'
  FROM "BankFile" AS f
 WHERE f."id" = p."bankFileId" AND f."format" = 'BGMAX';

CREATE TYPE "BankRepaymentStatus" AS ENUM ('PENDING', 'PAID_BACK', 'KEPT_AS_CREDIT');

CREATE TABLE "BankRepayment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "bankPaymentId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "amountOre" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'SEK',
    "reason" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "payerName" TEXT,
    "payerAccount" TEXT,
    "status" "BankRepaymentStatus" NOT NULL DEFAULT 'PENDING',
    "bankReference" TEXT,
    "decidedByStaffId" TEXT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BankRepayment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BankRepayment_amountOre_positive" CHECK ("amountOre" > 0)
);

CREATE UNIQUE INDEX "BankRepayment_organizationId_sourceKey_key" ON "BankRepayment"("organizationId", "sourceKey");
CREATE INDEX "BankRepayment_organizationId_status_createdAt_idx" ON "BankRepayment"("organizationId", "status", "createdAt");
CREATE INDEX "BankRepayment_invoiceId_idx" ON "BankRepayment"("invoiceId");

ALTER TABLE "BankRepayment" ADD CONSTRAINT "BankRepayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BankRepayment" ADD CONSTRAINT "BankRepayment_bankPaymentId_fkey" FOREIGN KEY ("bankPaymentId") REFERENCES "BankPayment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BankRepayment" ADD CONSTRAINT "BankRepayment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
