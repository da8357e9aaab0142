-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'AGENT', 'MARKETER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('sv', 'en');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('ENERGY', 'BROADBAND', 'MOBILE');

-- CreateEnum
CREATE TYPE "UsageUnit" AS ENUM ('KWH', 'GB', 'MINUTES');

-- CreateEnum
CREATE TYPE "UsageResolution" AS ENUM ('HOUR', 'DAY');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'OPEN', 'PAID', 'CREDITED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "LineKind" AS ENUM ('SUBSCRIPTION', 'USAGE', 'DISCOUNT', 'CREDIT', 'FEE', 'OTHER');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('CUSTOMER', 'STAFF');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('SYSTEM', 'CUSTOMER', 'STAFF', 'API');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('INVOICE_ISSUED', 'PAYMENT', 'REFUND', 'CREDIT', 'FEE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgNumber" TEXT NOT NULL,
    "vatNumber" TEXT NOT NULL,
    "hasFSkatt" BOOLEAN NOT NULL DEFAULT true,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'SE',
    "bankgiro" TEXT,
    "plusgiro" TEXT,
    "swishNumber" TEXT,
    "supportEmail" TEXT,
    "supportPhone" TEXT,
    "logoPath" TEXT,
    "brandColor" TEXT NOT NULL DEFAULT '#1d4ed8',
    "brandAccentColor" TEXT NOT NULL DEFAULT '#0f172a',
    "defaultLocale" "Locale" NOT NULL DEFAULT 'sv',
    "supportHours" JSONB NOT NULL,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "roundToWholeKrona" BOOLEAN NOT NULL DEFAULT true,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 10,
    "reminderFeeOre" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceNumberSeries" (
    "organizationId" TEXT NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceNumberSeries_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'SE',
    "locale" "Locale" NOT NULL DEFAULT 'sv',
    "customerSince" DATE NOT NULL,
    "segment" TEXT,
    "birthYear" INTEGER,
    "isBusiness" BOOLEAN NOT NULL DEFAULT false,
    "vatNumber" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT,
    "kind" "PlanKind" NOT NULL,
    "monthlyFeeOre" INTEGER NOT NULL,
    "unitPriceOre" INTEGER NOT NULL DEFAULT 0,
    "usageUnit" "UsageUnit",
    "includedQuantityMilli" INTEGER,
    "downloadMbps" INTEGER,
    "uploadMbps" INTEGER,
    "vatRate" INTEGER NOT NULL DEFAULT 25,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "campaignMonthlyFeeOre" INTEGER,
    "campaignEndsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "contractId" TEXT,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "number" INTEGER,
    "ocr" TEXT,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "issueDate" DATE,
    "dueDate" DATE,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'SEK',
    "netOre" INTEGER NOT NULL DEFAULT 0,
    "vatOre" INTEGER NOT NULL DEFAULT 0,
    "roundingOre" INTEGER NOT NULL DEFAULT 0,
    "totalOre" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "accessTokenHash" TEXT,
    "creditedInvoiceId" TEXT,
    "creditReason" TEXT,
    "sentAt" TIMESTAMP(3),
    "firstViewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LineKind" NOT NULL DEFAULT 'OTHER',
    "description" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "quantityMilli" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "unitPriceOre" INTEGER NOT NULL,
    "vatRate" INTEGER NOT NULL,
    "discountOre" INTEGER NOT NULL DEFAULT 0,
    "periodStart" DATE,
    "periodEnd" DATE,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageReading" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "readAt" TIMESTAMP(3) NOT NULL,
    "resolution" "UsageResolution" NOT NULL DEFAULT 'DAY',
    "quantityMilli" INTEGER NOT NULL,
    "unit" "UsageUnit" NOT NULL,

    CONSTRAINT "UsageReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValueFact" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "labelSv" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "valueMilli" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "comparisonMilli" INTEGER,
    "comparisonLabelSv" TEXT,
    "comparisonLabelEn" TEXT,

    CONSTRAINT "ValueFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "visibility" "EventVisibility" NOT NULL,
    "actorType" "ActorType" NOT NULL DEFAULT 'SYSTEM',
    "actorStaffId" TEXT,
    "customerText" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'SEK',
    "externalRef" TEXT,
    "memo" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "StaffUser_organizationId_idx" ON "StaffUser"("organizationId");

-- CreateIndex
CREATE INDEX "Customer_organizationId_name_idx" ON "Customer"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_organizationId_customerNumber_key" ON "Customer"("organizationId", "customerNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_organizationId_code_key" ON "Plan"("organizationId", "code");

-- CreateIndex
CREATE INDEX "Contract_customerId_idx" ON "Contract"("customerId");

-- CreateIndex
CREATE INDEX "Contract_organizationId_planId_idx" ON "Contract"("organizationId", "planId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_accessTokenHash_key" ON "Invoice"("accessTokenHash");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_status_dueDate_idx" ON "Invoice"("organizationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_customerId_periodStart_idx" ON "Invoice"("customerId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_organizationId_number_key" ON "Invoice"("organizationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_organizationId_ocr_key" ON "Invoice"("organizationId", "ocr");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "UsageReading_invoiceId_idx" ON "UsageReading"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReading_customerId_unit_resolution_readAt_key" ON "UsageReading"("customerId", "unit", "resolution", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "ValueFact_invoiceId_key_key" ON "ValueFact"("invoiceId", "key");

-- CreateIndex
CREATE INDEX "InvoiceEvent_invoiceId_occurredAt_idx" ON "InvoiceEvent"("invoiceId", "occurredAt");

-- CreateIndex
CREATE INDEX "InvoiceEvent_organizationId_occurredAt_idx" ON "InvoiceEvent"("organizationId", "occurredAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_invoiceId_occurredAt_idx" ON "LedgerEntry"("invoiceId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_kind_externalRef_key" ON "LedgerEntry"("kind", "externalRef");

-- AddForeignKey
ALTER TABLE "InvoiceNumberSeries" ADD CONSTRAINT "InvoiceNumberSeries_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReading" ADD CONSTRAINT "UsageReading_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReading" ADD CONSTRAINT "UsageReading_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReading" ADD CONSTRAINT "UsageReading_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueFact" ADD CONSTRAINT "ValueFact_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceEvent" ADD CONSTRAINT "InvoiceEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceEvent" ADD CONSTRAINT "InvoiceEvent_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ledger entries are accounting records (Bokföringslagen ch. 7): append-only, enforced here so
-- that no code path, script or console session can rewrite a balance's history.
CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'LedgerEntry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "LedgerEntry_append_only"
    BEFORE UPDATE OR DELETE ON "LedgerEntry"
    FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();
