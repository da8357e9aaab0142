-- Collections: policies of steps chosen by targeting rules, each step done once per invoice,
-- the Riksbank's reference rate for dröjsmålsränta, customers' payment plans, disputes that pause
-- the steps, and handover to a collection agency.
CREATE TYPE "CollectionStepKind" AS ENUM ('COURTESY', 'REMINDER', 'FINAL_REMINDER', 'COLLECTION_HANDOVER');
CREATE TYPE "CollectionAnchor" AS ENUM ('DUE_DATE', 'PREVIOUS_STEP');
CREATE TYPE "CollectionChannel" AS ENUM ('EMAIL', 'SMS', 'LETTER', 'PAGE');
CREATE TYPE "CollectionTone" AS ENUM ('FRIENDLY', 'NEUTRAL', 'FIRM');
CREATE TYPE "CollectionSendStatus" AS ENUM ('PENDING', 'SENT', 'TO_PRINT', 'FAILED', 'PAGE_ONLY');
CREATE TYPE "CollectionPauseReason" AS ENUM ('DISPUTE', 'PAYMENT_PLAN');
CREATE TYPE "PaymentPlanStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'BROKEN', 'CANCELLED');

ALTER TABLE "Invoice" ADD COLUMN "handedOverAt" TIMESTAMP(3);
ALTER TABLE "Conversation" ADD COLUMN "disputedAt" TIMESTAMP(3);

CREATE TABLE "CollectionPolicy" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "targeting" JSONB NOT NULL,
    "feeMinimumAmountDueOre" INTEGER NOT NULL DEFAULT 10000,
    "chargeInterest" BOOLEAN NOT NULL DEFAULT false,
    "interestMinimumOre" INTEGER NOT NULL DEFAULT 1000,
    "respiteMaxDays" INTEGER NOT NULL DEFAULT 14,
    "paymentPlanMinOre" INTEGER,
    "paymentPlanMaxParts" INTEGER NOT NULL DEFAULT 3,
    "paymentPlanFeeOre" INTEGER NOT NULL DEFAULT 0,
    "agencyName" TEXT,
    "agencyContact" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionPolicy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CollectionPolicy_limits_check" CHECK ("feeMinimumAmountDueOre" >= 0 AND "interestMinimumOre" >= 0 AND "respiteMaxDays" BETWEEN 0 AND 60 AND "paymentPlanMaxParts" BETWEEN 2 AND 12 AND "paymentPlanFeeOre" BETWEEN 0 AND 17000 AND ("paymentPlanMinOre" IS NULL OR "paymentPlanMinOre" > 0))
);
CREATE INDEX "CollectionPolicy_organizationId_position_idx" ON "CollectionPolicy"("organizationId", "position");
-- One default policy per organisation (the one every invoice no other policy takes falls to).
CREATE UNIQUE INDEX "CollectionPolicy_one_default_per_organization" ON "CollectionPolicy"("organizationId") WHERE "isDefault";
ALTER TABLE "CollectionPolicy" ADD CONSTRAINT "CollectionPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CollectionStep" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "CollectionStepKind" NOT NULL,
    "anchor" "CollectionAnchor" NOT NULL DEFAULT 'DUE_DATE',
    "offsetDays" INTEGER NOT NULL,
    "channel" "CollectionChannel" NOT NULL DEFAULT 'EMAIL',
    "tone" "CollectionTone" NOT NULL DEFAULT 'NEUTRAL',
    "chargeFee" BOOLEAN NOT NULL DEFAULT false,
    "templates" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CollectionStep_pkey" PRIMARY KEY ("id"),
    -- A courtesy never charges (it comes before or on the due date).
    CONSTRAINT "CollectionStep_courtesy_fee_check" CHECK ("kind" <> 'COURTESY' OR NOT "chargeFee")
);
CREATE UNIQUE INDEX "CollectionStep_policyId_position_key" ON "CollectionStep"("policyId", "position");
ALTER TABLE "CollectionStep" ADD CONSTRAINT "CollectionStep_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "CollectionPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CollectionAction" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "kind" "CollectionStepKind" NOT NULL,
    "channel" "CollectionChannel" NOT NULL,
    "plannedFor" DATE NOT NULL,
    "performedOn" DATE NOT NULL,
    "performedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "amountDueOre" INTEGER NOT NULL,
    "feeOre" INTEGER NOT NULL DEFAULT 0,
    "feeKind" TEXT,
    "interestOre" INTEGER NOT NULL DEFAULT 0,
    "interestFrom" DATE,
    "interestThrough" DATE,
    "interestRateBasisPoints" INTEGER,
    "payBy" DATE,
    "reason" TEXT NOT NULL,
    "sendStatus" "CollectionSendStatus" NOT NULL DEFAULT 'PENDING',
    "recipient" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "letterPdf" BYTEA,
    "printedAt" TIMESTAMP(3),

    CONSTRAINT "CollectionAction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CollectionAction_charges_check" CHECK ("feeOre" >= 0 AND "interestOre" >= 0 AND ("kind" <> 'COURTESY' OR ("feeOre" = 0 AND "interestOre" = 0)))
);
CREATE UNIQUE INDEX "CollectionAction_invoiceId_stepId_key" ON "CollectionAction"("invoiceId", "stepId");
CREATE INDEX "CollectionAction_organizationId_performedAt_idx" ON "CollectionAction"("organizationId", "performedAt");
CREATE INDEX "CollectionAction_organizationId_sendStatus_idx" ON "CollectionAction"("organizationId", "sendStatus");
ALTER TABLE "CollectionAction" ADD CONSTRAINT "CollectionAction_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionAction" ADD CONSTRAINT "CollectionAction_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionAction" ADD CONSTRAINT "CollectionAction_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "CollectionPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CollectionAction" ADD CONSTRAINT "CollectionAction_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "CollectionStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CollectionPause" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "reason" "CollectionPauseReason" NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionPause_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CollectionPause_order_check" CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn")
);
CREATE INDEX "CollectionPause_invoiceId_idx" ON "CollectionPause"("invoiceId");
CREATE INDEX "CollectionPause_organizationId_endedOn_idx" ON "CollectionPause"("organizationId", "endedOn");
-- One open pause per cause (a conversation, a plan).
CREATE UNIQUE INDEX "CollectionPause_one_open_per_source" ON "CollectionPause"("sourceId") WHERE "endedOn" IS NULL;
ALTER TABLE "CollectionPause" ADD CONSTRAINT "CollectionPause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionPause" ADD CONSTRAINT "CollectionPause_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReferenceRate" (
    "validFrom" DATE NOT NULL,
    "rateBasisPoints" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceRate_pkey" PRIMARY KEY ("validFrom"),
    -- A reference rate applies from 1 January or 1 July (räntelagen 9 §).
    CONSTRAINT "ReferenceRate_half_year_check" CHECK (EXTRACT(DAY FROM "validFrom") = 1 AND EXTRACT(MONTH FROM "validFrom") IN (1, 7))
);

-- The published reference rates (Riksbanken): the repo rate at the end of the half-year before,
-- rounded up to the nearest half percent. An admin keeps the list from here on.
INSERT INTO "ReferenceRate" ("validFrom", "rateBasisPoints", "updatedAt") VALUES
  ('2022-01-01', 0, CURRENT_TIMESTAMP),
  ('2022-07-01', 50, CURRENT_TIMESTAMP),
  ('2023-01-01', 250, CURRENT_TIMESTAMP),
  ('2023-07-01', 350, CURRENT_TIMESTAMP),
  ('2024-01-01', 400, CURRENT_TIMESTAMP),
  ('2024-07-01', 400, CURRENT_TIMESTAMP),
  ('2025-01-01', 250, CURRENT_TIMESTAMP),
  ('2025-07-01', 200, CURRENT_TIMESTAMP),
  ('2026-01-01', 200, CURRENT_TIMESTAMP),
  ('2026-07-01', 200, CURRENT_TIMESTAMP);

CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "status" "PaymentPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "totalOre" INTEGER NOT NULL,
    "feeOre" INTEGER NOT NULL DEFAULT 0,
    "paidBeforeOre" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PaymentPlan_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PaymentPlan_invoiceId_idx" ON "PaymentPlan"("invoiceId");
-- One plan in force per invoice.
CREATE UNIQUE INDEX "PaymentPlan_one_active_per_invoice" ON "PaymentPlan"("invoiceId") WHERE "status" = 'ACTIVE';
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PaymentPlanPart" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "ocr" TEXT NOT NULL,

    CONSTRAINT "PaymentPlanPart_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PaymentPlanPart_amountOre_positive" CHECK ("amountOre" > 0)
);
CREATE UNIQUE INDEX "PaymentPlanPart_planId_position_key" ON "PaymentPlanPart"("planId", "position");
CREATE UNIQUE INDEX "PaymentPlanPart_organizationId_ocr_key" ON "PaymentPlanPart"("organizationId", "ocr");
ALTER TABLE "PaymentPlanPart" ADD CONSTRAINT "PaymentPlanPart_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PaymentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every organisation starts with the policy it had: one reminder the set number of days after the
-- due date, with the reminder fee where the customer agreed to it.
INSERT INTO "CollectionPolicy" ("id", "organizationId", "name", "position", "isDefault", "targeting", "updatedAt")
SELECT gen_random_uuid()::text, o."id", 'Standard', 0, true, '{"all": []}'::jsonb, CURRENT_TIMESTAMP
FROM "Organization" o;
INSERT INTO "CollectionStep" ("id", "policyId", "position", "kind", "anchor", "offsetDays", "channel", "tone", "chargeFee")
SELECT gen_random_uuid()::text, p."id", 0, 'REMINDER', 'DUE_DATE', o."reminderAfterDays", 'EMAIL', 'NEUTRAL', true
FROM "CollectionPolicy" p JOIN "Organization" o ON o."id" = p."organizationId";
