-- Documents issued before Invoice.issuedSnapshot existed (20261202000000_legal_invoices) have none,
-- so their page and PDF fell back to totals recomputed with today's organisation setting
-- (öresutjämning on or off) and to today's seller and buyer. Freeze each such document now, in the
-- shape lib/invoices/issued-snapshot.ts reads (version 1): the seller and buyer as they are at
-- this migration (what they were at issue was never recorded; from now on they cannot drift), and
-- the totals stored in its columns when it was issued.
--
-- The split per VAT rate is not stored, so it is computed from the document's lines by the rule
-- of lib/invoices/totals.ts, in exact integer arithmetic: line net = quantityMilli ×
-- unitPriceCentiOre / 100 000 rounded half away from zero, minus the discount; VAT per rate = net
-- of the rate × rate / 100 rounded half away from zero. A document is frozen only when that split
-- adds up to its stored net and VAT (and its total to net + VAT + öresutjämning); any other keeps
-- no snapshot, and the page shows its stored totals instead (load-invoice-page.ts). A credit note
-- gets no creditNote part: what it did to the money was never recorded, and the page says what
-- can still be said from its link to the invoice it changes.
-- Rounding half away from zero in bigint: (|n| + d/2) / d truncates, and the sign goes back on
-- (sign() would take a detour through floating point).
WITH line_products AS (
  SELECT l."invoiceId", l."vatRate", l."discountOre",
         l."quantityMilli"::bigint * l."unitPriceCentiOre"::bigint AS "product"
    FROM "InvoiceLine" l
    JOIN "Invoice" d ON d."id" = l."invoiceId"
   WHERE d."status" <> 'DRAFT' AND d."issuedSnapshot" IS NULL
),
rate_nets AS (
  SELECT "invoiceId", "vatRate",
         sum(CASE WHEN "product" < 0 THEN -((-"product" + 50000) / 100000)
                  ELSE ("product" + 50000) / 100000 END
             - "discountOre")::bigint AS "netOre"
    FROM line_products
   GROUP BY "invoiceId", "vatRate"
),
rate_groups AS (
  SELECT "invoiceId", "vatRate", "netOre",
         CASE WHEN "netOre" * "vatRate" < 0 THEN -((-"netOre" * "vatRate" + 50) / 100)
              ELSE ("netOre" * "vatRate" + 50) / 100 END AS "vatOre"
    FROM rate_nets
),
documents AS (
  SELECT "invoiceId",
         jsonb_agg(jsonb_build_object('vatRate', "vatRate", 'netOre', "netOre", 'vatOre', "vatOre")
                   ORDER BY "vatRate" DESC) AS "vatGroups",
         sum("netOre")::bigint AS "netOre",
         sum("vatOre")::bigint AS "vatOre",
         bool_and("vatRate" IN (25, 12, 6, 0)) AS "knownRates"
    FROM rate_groups
   GROUP BY "invoiceId"
)
UPDATE "Invoice" i
   SET "issuedSnapshot" = jsonb_build_object(
         'version', 1,
         'seller', jsonb_build_object(
           'name', o."name",
           'orgNumber', o."orgNumber",
           'vatNumber', o."vatNumber",
           'hasFSkatt', o."hasFSkatt",
           'addressLine1', o."addressLine1",
           'addressLine2', o."addressLine2",
           'postalCode', o."postalCode",
           'city', o."city",
           'country', o."country",
           'bankgiro', o."bankgiro",
           'plusgiro', o."plusgiro",
           'swishNumber', o."swishNumber",
           'supportEmail', o."supportEmail",
           'supportPhone', o."supportPhone"),
         'buyer', jsonb_build_object(
           'customerNumber', c."customerNumber",
           'name', c."name",
           'addressLine1', c."addressLine1",
           'addressLine2', c."addressLine2",
           'postalCode', c."postalCode",
           'city', c."city",
           'country', c."country",
           'isBusiness', c."isBusiness",
           'vatNumber', c."vatNumber"),
         'totals', jsonb_build_object(
           'vatGroups', d."vatGroups",
           'netOre', i."netOre",
           'vatOre', i."vatOre",
           'grossOre', i."netOre" + i."vatOre",
           'roundingOre', i."roundingOre",
           'totalOre', i."totalOre"))
  FROM documents d, "Organization" o, "Customer" c
 WHERE d."invoiceId" = i."id"
   AND o."id" = i."organizationId"
   AND c."id" = i."customerId"
   AND i."status" <> 'DRAFT'
   AND i."issuedSnapshot" IS NULL
   AND d."knownRates"
   AND d."netOre" = i."netOre"
   AND d."vatOre" = i."vatOre"
   AND i."totalOre" = i."netOre" + i."vatOre" + i."roundingOre";
