import { type ContractInput, type PlanInput, USAGE_UNITS } from "@/lib/catalogue/catalogue-input";
import { resolveCustomerId } from "@/lib/customers/customers";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Plan, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

const contractInclude = {
  customer: { select: { externalId: true } },
  plan: { select: { externalId: true, code: true } },
} as const;
export type ContractRow = Prisma.ContractGetPayload<{ include: typeof contractInclude }>;

/**
 * The billing system's plans and contracts, made or changed by their externalId (one upsert each,
 * so concurrent calls for the same one make one row).
 */
export async function upsertPlan(options: {
  db: Db;
  organizationId: string;
  input: PlanInput;
}): Promise<{ plan: Plan; created: boolean }> {
  const { db, organizationId, input } = options;
  const data = {
    code: input.code,
    name: input.name,
    nameEn: input.nameEn ?? null,
    description: input.description ?? null,
    kind: input.kind,
    monthlyFeeOre: input.monthlyFeeOre,
    unitPriceCentiOre: input.unitPriceOre,
    usageUnit: input.usageUnit ? USAGE_UNITS[input.usageUnit] : null,
    includedQuantityMilli: input.includedQuantity ?? null,
    downloadMbps: input.downloadMbps ?? null,
    uploadMbps: input.uploadMbps ?? null,
    vatRate: input.vatRate,
    isActive: input.isActive,
  };
  const where = { organizationId_externalId: { organizationId, externalId: input.externalId } };
  try {
    const existing = await db.plan.findUnique({ where, select: { id: true } });
    const plan = await db.plan.upsert({
      where,
      create: { organizationId, externalId: input.externalId, ...data },
      update: data,
    });
    return { plan, created: !existing };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `Another plan already has the code ${input.code}`, {
        param: "/code",
      });
    }
    throw error;
  }
}

export async function listPlans(db: Db, organizationId: string): Promise<Plan[]> {
  return db.plan.findMany({ where: { organizationId }, orderBy: [{ code: "asc" }] });
}

async function resolvePlanId(
  db: Db,
  organizationId: string,
  reference: { id: string } | { externalId: string },
): Promise<string> {
  const row = await db.plan.findFirst({
    where:
      "id" in reference
        ? { id: reference.id, organizationId }
        : { externalId: reference.externalId, organizationId },
    select: { id: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such plan", { param: "/plan" });
  return row.id;
}

export async function upsertContract(options: {
  db: Db;
  organizationId: string;
  input: ContractInput;
}): Promise<{ contract: ContractRow; created: boolean }> {
  const { db, organizationId, input } = options;
  const customerId = await resolveCustomerId(db, organizationId, input.customer);
  const planId = await resolvePlanId(db, organizationId, input.plan);
  const data: Prisma.ContractUncheckedUpdateInput = {
    customerId,
    planId,
    startsOn: parseCalendarDate(input.startsOn),
    endsOn: input.endsOn ? parseCalendarDate(input.endsOn) : null,
    campaignMonthlyFeeOre: input.campaignMonthlyFeeOre ?? null,
    campaignEndsOn: input.campaignEndsOn ? parseCalendarDate(input.campaignEndsOn) : null,
  };
  const where = { organizationId_externalId: { organizationId, externalId: input.externalId } };
  const existing = await db.contract.findUnique({ where, select: { id: true } });
  const contract = await db.contract.upsert({
    where,
    create: {
      organizationId,
      externalId: input.externalId,
      ...(data as object),
    } as Prisma.ContractUncheckedCreateInput,
    update: data,
    include: contractInclude,
  });
  return { contract, created: !existing };
}

export async function getContract(
  db: Db,
  organizationId: string,
  contractId: string,
): Promise<ContractRow> {
  const contract = await db.contract.findFirst({
    where: { id: contractId, organizationId },
    include: contractInclude,
  });
  if (!contract) throw new AppError("NOT_FOUND", "No such contract");
  return contract;
}

export async function listContracts(
  db: Db,
  options: { organizationId: string; customerId?: string; limit: number; startingAfter?: string },
): Promise<ContractRow[]> {
  const cursor = options.startingAfter
    ? await db.contract.findFirst({
        where: { id: options.startingAfter, organizationId: options.organizationId },
        select: { id: true, createdAt: true },
      })
    : null;
  if (options.startingAfter && !cursor) {
    throw new AppError("BAD_INPUT", "starting_after is not a contract of this list", {
      param: "/starting_after",
    });
  }
  return db.contract.findMany({
    where: {
      organizationId: options.organizationId,
      ...(options.customerId ? { customerId: options.customerId } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    include: contractInclude,
  });
}
