-- Refunds with their status: a refund the provider has not paid out yet is PENDING, and one that
-- fails gives the customer their credit back (an opposite REFUND ledger entry) instead of being
-- booked as money returned.
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED');

CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "attemptId" TEXT,
    "providerRefundId" TEXT NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'SEK',
    "status" "RefundStatus" NOT NULL,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Refund_amountOre_positive" CHECK ("amountOre" > 0)
);

CREATE UNIQUE INDEX "Refund_providerRefundId_key" ON "Refund"("providerRefundId");
CREATE INDEX "Refund_invoiceId_createdAt_idx" ON "Refund"("invoiceId", "createdAt");

ALTER TABLE "Refund" ADD CONSTRAINT "Refund_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PaymentAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Refunds booked before statuses existed were booked as paid out; they keep that reading.
INSERT INTO "Refund" ("id", "organizationId", "invoiceId", "attemptId", "providerRefundId", "amountOre", "currency", "status", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, l."organizationId", l."invoiceId", NULL, l."externalRef", l."amountOre", l."currency", 'SUCCEEDED', l."occurredAt", l."occurredAt"
  FROM "LedgerEntry" l
 WHERE l."kind" = 'REFUND' AND l."externalRef" IS NOT NULL AND l."amountOre" > 0;
