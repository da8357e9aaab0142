-- Payments the Swedish way: the bank's payment files (ISO 20022 camt.054 and BgMax), their
-- payments matched by OCR, and the credit controller's role (FINANCE).
ALTER TYPE "StaffRole" ADD VALUE 'FINANCE';
CREATE TYPE "BankFileFormat" AS ENUM ('CAMT054', 'BGMAX');
CREATE TYPE "BankFileSource" AS ENUM ('UPLOAD', 'API', 'FOLDER');
CREATE TYPE "BankFileStatus" AS ENUM ('RECEIVED', 'IMPORTED', 'REFUSED');
CREATE TYPE "BankPaymentStatus" AS ENUM ('BOOKED', 'UNMATCHED', 'ASSIGNED', 'RETURNED');

ALTER TABLE "Organization" ADD COLUMN "bankAccountIban" TEXT;

CREATE TABLE "BankFile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "format" "BankFileFormat" NOT NULL,
    "source" "BankFileSource" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "status" "BankFileStatus" NOT NULL DEFAULT 'RECEIVED',
    "content" BYTEA NOT NULL,
    "report" JSONB NOT NULL DEFAULT '{}',
    "refusalReason" TEXT,
    "uploadedByStaffId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "BankFile_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BankFile_organizationId_sha256_key" ON "BankFile"("organizationId", "sha256");
CREATE INDEX "BankFile_organizationId_receivedAt_idx" ON "BankFile"("organizationId", "receivedAt");
ALTER TABLE "BankFile" ADD CONSTRAINT "BankFile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "BankPayment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "bankFileId" TEXT NOT NULL,
    "entryReference" TEXT NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'SEK',
    "bookingDate" DATE,
    "valueDate" DATE,
    "referenceKind" TEXT NOT NULL,
    "reference" TEXT,
    "extraReferences" TEXT[],
    "payerName" TEXT,
    "payerAccount" TEXT,
    "status" "BankPaymentStatus" NOT NULL,
    "invoiceId" TEXT,
    "customerId" TEXT,
    "matchedBy" TEXT,
    "suggestions" JSONB NOT NULL DEFAULT '[]',
    "decidedByStaffId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankPayment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BankPayment_amountOre_positive" CHECK ("amountOre" > 0)
);
CREATE UNIQUE INDEX "BankPayment_organizationId_entryReference_key" ON "BankPayment"("organizationId", "entryReference");
CREATE INDEX "BankPayment_organizationId_status_createdAt_idx" ON "BankPayment"("organizationId", "status", "createdAt");
CREATE INDEX "BankPayment_bankFileId_idx" ON "BankPayment"("bankFileId");
ALTER TABLE "BankPayment" ADD CONSTRAINT "BankPayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BankPayment" ADD CONSTRAINT "BankPayment_bankFileId_fkey" FOREIGN KEY ("bankFileId") REFERENCES "BankFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BankPayment" ADD CONSTRAINT "BankPayment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
