-- Business customers: the creditor may charge förseningsersättning, 450 kr once per claim, when a
-- business debtor pays late (lag 1981:739 4 a §); it replaces the reminder fee. Off unless the
-- organisation turns it on; never for consumers.
ALTER TABLE "Organization" ADD COLUMN "chargeLatePaymentCompensation" BOOLEAN NOT NULL DEFAULT false;

-- One reminder fee (or förseningsersättning) per claim: the fee's ledger reference names the
-- invoice, and (kind, externalRef) is unique.
