import { randomInt } from "node:crypto";
import type { CustomerInput, CustomerPatch } from "@/lib/customers/customer-input";
import { agreementDate } from "@/lib/customers/fee-agreement";
import { parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Customer, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Customers made and changed by the billing system. Create-or-update by externalId is one
 * statement (an upsert on the unique (organisation, externalId)), so two concurrent calls for the
 * same customer make one customer.
 */
function columns(input: CustomerInput | CustomerPatch): Prisma.CustomerUncheckedUpdateInput {
  const data: Prisma.CustomerUncheckedUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.email !== undefined) data.email = input.email;
  if (input.phone !== undefined) data.phone = input.phone;
  if (input.locale !== undefined) data.locale = input.locale;
  if (input.isBusiness !== undefined) data.isBusiness = input.isBusiness;
  if (input.vatNumber !== undefined) data.vatNumber = input.vatNumber;
  if (input.segment !== undefined) data.segment = input.segment;
  if (input.address) {
    data.addressLine1 = input.address.line1;
    data.addressLine2 = input.address.line2 ?? null;
    data.postalCode = input.address.postalCode;
    data.city = input.address.city;
    data.country = input.address.country;
  }
  if (input.reminderFeeAgreement !== undefined) {
    data.reminderFeeAgreedOn = input.reminderFeeAgreement
      ? agreementDate(input.reminderFeeAgreement, undefined, "/reminderFeeAgreement/agreedOn")
      : null;
    data.reminderFeeAgreementSource = input.reminderFeeAgreement?.source ?? null;
  }
  return data;
}

export async function upsertCustomer(options: {
  db: Db;
  organizationId: string;
  input: CustomerInput;
}): Promise<{ customer: Customer; created: boolean }> {
  const { db, organizationId, input } = options;
  const data = columns(input);
  const create: Prisma.CustomerUncheckedCreateInput = {
    organizationId,
    externalId: input.externalId ?? null,
    customerNumber:
      input.customerNumber ?? input.externalId ?? `K${randomInt(10_000_000, 99_999_999)}`,
    customerSince: input.customerSince ? parseCalendarDate(input.customerSince) : todayInSweden(),
    name: input.name,
    addressLine1: input.address.line1,
    postalCode: input.address.postalCode,
    city: input.address.city,
    ...(data as object),
  } as Prisma.CustomerUncheckedCreateInput;
  try {
    if (!input.externalId) {
      return { customer: await db.customer.create({ data: create }), created: true };
    }
    const existing = await db.customer.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: input.externalId } },
      select: { id: true },
    });
    const customer = await db.customer.upsert({
      where: { organizationId_externalId: { organizationId, externalId: input.externalId } },
      create,
      update: {
        ...data,
        ...(input.customerNumber ? { customerNumber: input.customerNumber } : {}),
        ...(input.customerSince ? { customerSince: parseCalendarDate(input.customerSince) } : {}),
      },
    });
    return { customer, created: !existing };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "Another customer already has this customer number; send a customerNumber of its own",
        { param: "/customerNumber" },
      );
    }
    throw error;
  }
}

export async function updateCustomer(options: {
  db: Db;
  organizationId: string;
  customerId: string;
  patch: CustomerPatch;
}): Promise<Customer> {
  const { count } = await options.db.customer.updateMany({
    where: { id: options.customerId, organizationId: options.organizationId },
    data: columns(options.patch) as Prisma.CustomerUncheckedUpdateManyInput,
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such customer");
  return options.db.customer.findUniqueOrThrow({ where: { id: options.customerId } });
}

export async function getCustomer(
  db: Db,
  organizationId: string,
  customerId: string,
): Promise<Customer> {
  const customer = await db.customer.findFirst({ where: { id: customerId, organizationId } });
  if (!customer) throw new AppError("NOT_FOUND", "No such customer");
  return customer;
}

/** Our id of a customer named by id or by the billing system's externalId (NOT_FOUND otherwise). */
export async function resolveCustomerId(
  db: Db | Prisma.TransactionClient,
  organizationId: string,
  reference: { id: string } | { externalId: string },
): Promise<string> {
  const row = await db.customer.findFirst({
    where:
      "id" in reference
        ? { id: reference.id, organizationId }
        : { externalId: reference.externalId, organizationId },
    select: { id: true },
  });
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      "id" in reference
        ? "No such customer"
        : `No customer with externalId ${reference.externalId}`,
      { param: "/customer" },
    );
  }
  return row.id;
}

export async function listCustomers(
  db: Db,
  options: {
    organizationId: string;
    limit: number;
    startingAfter?: string;
    externalId?: string;
  },
): Promise<Customer[]> {
  const cursor = options.startingAfter
    ? await db.customer.findFirst({
        where: { id: options.startingAfter, organizationId: options.organizationId },
        select: { id: true, createdAt: true },
      })
    : null;
  if (options.startingAfter && !cursor) {
    throw new AppError("BAD_INPUT", "starting_after is not a customer of this list", {
      param: "/starting_after",
    });
  }
  return db.customer.findMany({
    where: {
      organizationId: options.organizationId,
      ...(options.externalId ? { externalId: options.externalId } : {}),
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
  });
}
