-- One payable attempt per invoice, held by the database: an attempt that is created or being
-- processed is the only one that can take money, so two concurrent starts cannot both be paid.
-- Should an older database hold more than one, all but the newest are cancelled first.
UPDATE "PaymentAttempt" AS a SET "status" = 'CANCELED'
 WHERE a."status" IN ('CREATED', 'PROCESSING')
   AND EXISTS (
     SELECT 1 FROM "PaymentAttempt" AS b
      WHERE b."invoiceId" = a."invoiceId" AND b."status" IN ('CREATED', 'PROCESSING')
        AND (b."createdAt", b."id") > (a."createdAt", a."id"));
CREATE UNIQUE INDEX "PaymentAttempt_one_payable_per_invoice" ON "PaymentAttempt"("invoiceId")
  WHERE "status" IN ('CREATED', 'PROCESSING');
