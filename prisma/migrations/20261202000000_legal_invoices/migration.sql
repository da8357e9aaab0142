-- Prices below an öre: unit prices in hundredths of an öre (four decimals of a krona), existing
-- prices carried over exactly (× 100).
ALTER TABLE "InvoiceLine" ADD COLUMN "unitPriceCentiOre" INTEGER;
UPDATE "InvoiceLine" SET "unitPriceCentiOre" = "unitPriceOre" * 100;
ALTER TABLE "InvoiceLine" ALTER COLUMN "unitPriceCentiOre" SET NOT NULL;
ALTER TABLE "InvoiceLine" DROP COLUMN "unitPriceOre";

ALTER TABLE "Plan" ADD COLUMN "unitPriceCentiOre" INTEGER NOT NULL DEFAULT 0;
UPDATE "Plan" SET "unitPriceCentiOre" = "unitPriceOre" * 100;
ALTER TABLE "Plan" DROP COLUMN "unitPriceOre";

-- A line at 0 % VAT says why (ML 17 kap. 24 § 10: the legal reference for an exemption).
ALTER TABLE "InvoiceLine" ADD COLUMN "vatExemptionReason" TEXT;
UPDATE "InvoiceLine" SET "vatExemptionReason" = 'Undantag från skatteplikt enligt 10 kap. ML'
 WHERE "vatRate" = 0 AND "vatExemptionReason" IS NULL;
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_zero_vat_reason_check"
  CHECK ("vatRate" <> 0 OR "vatExemptionReason" IS NOT NULL);

-- An issued document as it was issued: seller, buyer, bank details, texts and totals per rate.
ALTER TABLE "Invoice" ADD COLUMN "issuedSnapshot" JSONB;
-- A credit note's text for the customer (the reason they read; creditReason stays staff-only).
ALTER TABLE "Invoice" ADD COLUMN "customerText" TEXT;

-- A reminder fee may only be charged when the customer agreed to it no later than when the
-- debt arose (lag 1981:739 2 §): when and how it was agreed.
ALTER TABLE "Customer" ADD COLUMN "reminderFeeAgreedOn" DATE;
ALTER TABLE "Customer" ADD COLUMN "reminderFeeAgreementSource" TEXT;
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_reminder_fee_agreement_check"
  CHECK (("reminderFeeAgreedOn" IS NULL) = ("reminderFeeAgreementSource" IS NULL));

-- The reminder fee is at most 60 kr (lag 1981:739 2 §, förordning 1981:1057 2 §).
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_reminder_fee_cap_check"
  CHECK ("reminderFeeOre" BETWEEN 0 AND 6000);

-- An invoice can be reached through several links (the one returned when issuing, the one in the
-- invoice email, a renewed one …), each stored only as the SHA-256 of its secret and revocable
-- on its own; a link may expire (after the invoice is settled, by organisation setting).
CREATE TABLE "InvoiceLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "InvoiceLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "InvoiceLink_tokenHash_key" ON "InvoiceLink"("tokenHash");
CREATE INDEX "InvoiceLink_invoiceId_idx" ON "InvoiceLink"("invoiceId");
ALTER TABLE "InvoiceLink" ADD CONSTRAINT "InvoiceLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvoiceLink" ADD CONSTRAINT "InvoiceLink_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "InvoiceLink" ("id", "organizationId", "invoiceId", "tokenHash", "purpose")
SELECT gen_random_uuid()::text, "organizationId", "id", "accessTokenHash", 'ISSUED'
  FROM "Invoice" WHERE "accessTokenHash" IS NOT NULL;
DROP INDEX "Invoice_accessTokenHash_key";
ALTER TABLE "Invoice" DROP COLUMN "accessTokenHash";
