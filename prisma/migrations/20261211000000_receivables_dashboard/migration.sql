-- The receivables dashboard: its figures pre-aggregated per day, segment and consumer/business
-- (so a year of figures on a million invoices is a sum over a few thousand rows), the
-- lifetime-value inputs per segment, the collection experiments' outcomes per day, and an index
-- for reading one day's ledger movements.
CREATE INDEX "LedgerEntry_organizationId_occurredAt_idx" ON "LedgerEntry"("organizationId", "occurredAt");

CREATE TABLE "ReceivablesDaily" (
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "segment" TEXT NOT NULL,
    "isBusiness" BOOLEAN NOT NULL,
    "invoices" INTEGER NOT NULL,
    "issuedOre" BIGINT NOT NULL,
    "onTimeDecided" INTEGER NOT NULL,
    "paidOnTime" INTEGER NOT NULL,
    "paidInFull" INTEGER NOT NULL,
    "daysToPay" INTEGER[],
    "reachedReminder" INTEGER NOT NULL,
    "reachedHandover" INTEGER NOT NULL,
    "feesChargedOre" BIGINT NOT NULL,
    "feesWaivedOre" BIGINT NOT NULL,
    "feesPaidOre" BIGINT NOT NULL,
    "interestChargedOre" BIGINT NOT NULL,
    "interestWaivedOre" BIGINT NOT NULL,
    "interestPaidOre" BIGINT NOT NULL,
    "refundedOre" BIGINT NOT NULL,
    "creditedOre" BIGINT NOT NULL,
    "creditedInvoices" INTEGER NOT NULL,
    "supportContacts" INTEGER NOT NULL,
    "invoicesWithContact" INTEGER NOT NULL,
    "churnRemindedDecided" INTEGER NOT NULL,
    "churnRemindedChurned" INTEGER NOT NULL,
    "churnUnremindedDecided" INTEGER NOT NULL,
    "churnUnremindedChurned" INTEGER NOT NULL,
    "ledgerNetOre" BIGINT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivablesDaily_pkey" PRIMARY KEY ("organizationId", "day", "segment", "isBusiness")
);
ALTER TABLE "ReceivablesDaily" ADD CONSTRAINT "ReceivablesDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReceivablesSegment" (
    "organizationId" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "isBusiness" BOOLEAN NOT NULL,
    "customers" INTEGER NOT NULL,
    "leftCustomers" INTEGER NOT NULL,
    "tenureDaysSum" BIGINT NOT NULL,
    "invoicedOre12m" BIGINT NOT NULL,
    "customerMonths12m" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivablesSegment_pkey" PRIMARY KEY ("organizationId", "segment", "isBusiness")
);
ALTER TABLE "ReceivablesSegment" ADD CONSTRAINT "ReceivablesSegment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReceivablesExperimentDaily" (
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "segment" TEXT NOT NULL,
    "isBusiness" BOOLEAN NOT NULL,
    "stepId" TEXT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "actions" INTEGER NOT NULL,
    "paidWithin14" INTEGER NOT NULL,
    "paidWithin14Decided" INTEGER NOT NULL,
    "reachedNextStep" INTEGER NOT NULL,
    "finalOutcomes" INTEGER NOT NULL,
    "withContact" INTEGER NOT NULL,
    "supportContacts" INTEGER NOT NULL,
    "churned" INTEGER NOT NULL,
    "churnDecided" INTEGER NOT NULL,
    "rewardSum" DOUBLE PRECISION NOT NULL,
    "rewards" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivablesExperimentDaily_pkey" PRIMARY KEY ("organizationId", "day", "segment", "isBusiness", "stepId", "variantKey")
);
ALTER TABLE "ReceivablesExperimentDaily" ADD CONSTRAINT "ReceivablesExperimentDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
