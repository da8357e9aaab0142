-- An organisation may let invoice links expire some days after the invoice is settled (paid or
-- credited): a link in an old email then stops showing the invoice, and its holder can ask for a
-- fresh one by mail to the address on file. NULL: links never expire.
ALTER TABLE "Organization" ADD COLUMN "linkExpiryDaysAfterSettled" INTEGER;
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_link_expiry_check"
  CHECK ("linkExpiryDaysAfterSettled" IS NULL OR "linkExpiryDaysAfterSettled" BETWEEN 1 AND 3650);
