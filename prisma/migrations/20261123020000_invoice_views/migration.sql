-- CreateEnum
CREATE TYPE "DeviceClass" AS ENUM ('MOBILE', 'TABLET', 'DESKTOP', 'BOT', 'UNKNOWN');

-- CreateTable
CREATE TABLE "InvoiceView" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deviceClass" "DeviceClass" NOT NULL,
    "visitorHash" TEXT NOT NULL,

    CONSTRAINT "InvoiceView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvoiceView_invoiceId_viewedAt_idx" ON "InvoiceView"("invoiceId", "viewedAt");

-- CreateIndex
CREATE INDEX "InvoiceView_organizationId_viewedAt_idx" ON "InvoiceView"("organizationId", "viewedAt");

-- AddForeignKey
ALTER TABLE "InvoiceView" ADD CONSTRAINT "InvoiceView_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceView" ADD CONSTRAINT "InvoiceView_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
