import { z } from "zod";
import type { ContentBlockInput } from "@/lib/content/blocks/block-input";
import type { Db } from "@/lib/db/database";

/**
 * What the marketers' console reads, each with a narrow select and always within the marketer's
 * own organisation (another organisation's block simply is not found).
 */

export async function listConsoleBlocks(db: Db, organizationId: string) {
  const [blocks, impressions, accepts] = await Promise.all([
    db.contentBlock.findMany({
      where: { organizationId },
      orderBy: [{ status: "asc" }, { priority: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        status: true,
        slot: true,
        priority: true,
        startsAt: true,
        endsAt: true,
        ruleProblem: true,
        ruleProblemAt: true,
        variants: { select: { id: true, key: true, weight: true }, orderBy: { key: "asc" } },
      },
    }),
    db.contentEvent.groupBy({
      by: ["variantId"],
      where: { organizationId, type: "IMPRESSION" },
      _count: { _all: true },
    }),
    db.offerAcceptance.groupBy({
      by: ["variantId"],
      where: { organizationId },
      _count: { _all: true },
    }),
  ]);
  const impressionsOf = new Map(impressions.map((row) => [row.variantId, row._count._all]));
  const acceptsOf = new Map(accepts.map((row) => [row.variantId, row._count._all]));
  return blocks.map((block) => ({
    ...block,
    variants: block.variants.map((variant) => ({
      ...variant,
      impressions: impressionsOf.get(variant.id) ?? 0,
      accepts: acceptsOf.get(variant.id) ?? 0,
    })),
  }));
}

export type ConsoleBlock = Awaited<ReturnType<typeof listConsoleBlocks>>[number];

export interface EditableBlock {
  id: string;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  version: number;
  ruleProblem: string | null;
  input: ContentBlockInput;
}

/** A stored block in the shape the editor (and contentBlockInputSchema) works with. */
export async function loadEditableBlock(
  db: Db,
  options: { organizationId: string; blockId: string },
): Promise<EditableBlock | null> {
  const block = await db.contentBlock.findFirst({
    where: { id: options.blockId, organizationId: options.organizationId },
    select: {
      id: true,
      status: true,
      version: true,
      ruleProblem: true,
      name: true,
      kind: true,
      slot: true,
      priority: true,
      startsAt: true,
      endsAt: true,
      targeting: true,
      frequencyCap: true,
      settings: true,
      variants: { select: { key: true, weight: true, content: true }, orderBy: { key: "asc" } },
    },
  });
  if (!block) return null;
  return {
    id: block.id,
    status: block.status,
    version: block.version,
    ruleProblem: block.ruleProblem,
    input: {
      name: block.name,
      kind: block.kind,
      slot: block.slot,
      priority: block.priority,
      startsAt: block.startsAt?.toISOString() ?? null,
      endsAt: block.endsAt?.toISOString() ?? null,
      targeting: block.targeting,
      frequencyCap: block.frequencyCap,
      settings: block.settings,
      variants: block.variants.map((variant) => ({
        key: variant.key,
        weight: variant.weight,
        content: variant.content as ContentBlockInput["variants"][number]["content"],
      })),
    },
  };
}

/** The plans an offer may name: the organisation's active catalogue. */
export function listOfferPlans(db: Db, organizationId: string) {
  return db.plan.findMany({
    where: { organizationId, isActive: true },
    orderBy: [{ kind: "asc" }, { monthlyFeeOre: "asc" }],
    select: { code: true, name: true, kind: true, monthlyFeeOre: true },
  });
}

/** Whether the id is one of the organisation's blocks (another's is as good as none). */
export async function isOrganizationBlock(
  db: Db,
  options: { organizationId: string; blockId: string },
): Promise<boolean> {
  const found = await db.contentBlock.findFirst({
    where: { id: options.blockId, organizationId: options.organizationId },
    select: { id: true },
  });
  return found !== null;
}

export interface PreviewCustomer {
  id: string;
  customerNumber: string;
  name: string;
  latestInvoice: { id: string; number: number | null; issueDate: string | null } | null;
}

/** The preview-customer search's query string, parsed at the route. */
export const previewCustomerQuerySchema = z.object({
  q: z.string().max(80, "search for at most 80 characters").default(""),
});

/**
 * Customers to preview a block as: by customer number (exact start) or name (anywhere, any
 * case), each with their latest issued invoice, which is the page the preview renders.
 */
export async function searchPreviewCustomers(
  db: Db,
  options: { organizationId: string; query: string },
): Promise<PreviewCustomer[]> {
  const query = options.query.trim().slice(0, 80);
  if (query.length === 0) return [];
  const customers = await db.customer.findMany({
    where: {
      organizationId: options.organizationId,
      OR: [
        { customerNumber: { startsWith: query, mode: "insensitive" } },
        { name: { contains: query, mode: "insensitive" } },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
    select: {
      id: true,
      customerNumber: true,
      name: true,
      invoices: {
        where: { kind: "INVOICE", status: { not: "DRAFT" } },
        orderBy: [{ issueDate: "desc" }, { number: "desc" }],
        take: 1,
        select: { id: true, number: true, issueDate: true },
      },
    },
  });
  return customers.map(({ invoices, ...customer }) => {
    const latest = invoices[0];
    return {
      ...customer,
      latestInvoice: latest
        ? {
            id: latest.id,
            number: latest.number,
            issueDate: latest.issueDate?.toISOString().slice(0, 10) ?? null,
          }
        : null,
    };
  });
}

/** The segments the organisation's customers have, as suggestions for the rule editor. */
export async function listCustomerSegments(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.customer.findMany({
    where: { organizationId, segment: { not: null } },
    distinct: ["segment"],
    orderBy: { segment: "asc" },
    take: 50,
    select: { segment: true },
  });
  return rows.flatMap((row) => (row.segment ? [row.segment] : []));
}
