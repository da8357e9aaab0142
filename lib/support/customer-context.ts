import { feeAgreementOf } from "@/lib/customers/fee-agreement";
import type { Db } from "@/lib/db/database";
import { monthsBetween } from "@/lib/support/tenure";

/**
 * What an agent needs to know about the customer behind an invoice: how long they have been a
 * customer, their plan, their reminder-fee agreement, their earlier invoices and payments, and
 * their earlier conversations. Always scoped to the agent's organisation.
 */
export async function loadCustomerContext(
  db: Db,
  options: { organizationId: string; invoiceId: string; today: Date },
) {
  const invoice = await db.invoice.findFirst({
    where: { id: options.invoiceId, organizationId: options.organizationId },
    select: {
      customer: {
        select: {
          id: true,
          name: true,
          customerNumber: true,
          email: true,
          phone: true,
          customerSince: true,
          segment: true,
          isBusiness: true,
          locale: true,
          reminderFeeAgreedOn: true,
          reminderFeeAgreementSource: true,
          contracts: {
            where: { OR: [{ endsOn: null }, { endsOn: { gte: options.today } }] },
            orderBy: { startsOn: "desc" },
            take: 3,
            select: {
              startsOn: true,
              campaignMonthlyFeeOre: true,
              campaignEndsOn: true,
              plan: { select: { name: true, monthlyFeeOre: true } },
            },
          },
        },
      },
    },
  });
  if (!invoice) return null;
  const { customer } = invoice;
  const [invoices, payments, conversations, offersShown, acceptances] = await Promise.all([
    db.invoice.findMany({
      where: {
        customerId: customer.id,
        organizationId: options.organizationId,
        status: { not: "DRAFT" },
      },
      orderBy: [{ issueDate: "desc" }, { number: "desc" }],
      take: 12,
      select: {
        id: true,
        number: true,
        kind: true,
        status: true,
        issueDate: true,
        dueDate: true,
        totalOre: true,
      },
    }),
    db.ledgerEntry.findMany({
      where: {
        organizationId: options.organizationId,
        kind: { in: ["PAYMENT", "REFUND"] },
        invoice: { customerId: customer.id },
      },
      orderBy: { occurredAt: "desc" },
      take: 10,
      select: {
        id: true,
        kind: true,
        amountOre: true,
        occurredAt: true,
        invoice: { select: { number: true } },
      },
    }),
    db.conversation.findMany({
      where: { customerId: customer.id, organizationId: options.organizationId },
      orderBy: { lastMessageAt: "desc" },
      take: 10,
      select: {
        id: true,
        invoiceId: true,
        status: true,
        lastMessageAt: true,
        lastSeq: true,
        invoice: { select: { number: true } },
      },
    }),
    db.contentEvent.groupBy({
      by: ["blockId"],
      where: {
        customerId: customer.id,
        organizationId: options.organizationId,
        type: "IMPRESSION",
      },
      _count: { _all: true },
    }),
    db.offerAcceptance.findMany({
      where: { customerId: customer.id, organizationId: options.organizationId },
      orderBy: { acceptedAt: "desc" },
      select: {
        id: true,
        acceptedAt: true,
        effectiveFrom: true,
        toPlan: { select: { name: true } },
        block: { select: { name: true } },
        invoice: { select: { number: true } },
      },
    }),
  ]);
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      customerNumber: customer.customerNumber,
      email: customer.email,
      phone: customer.phone,
      segment: customer.segment,
      isBusiness: customer.isBusiness,
      locale: customer.locale,
      customerSince: customer.customerSince,
      tenureMonths: monthsBetween(customer.customerSince, options.today),
      /** Whether a reminder may carry a fee, and since when (lag 1981:739 2 §). */
      feeAgreement: feeAgreementOf(customer),
    },
    contracts: customer.contracts,
    invoices,
    payments,
    offers: {
      blocksShown: offersShown.length,
      acceptances,
    },
    conversations: conversations.filter(
      (conversation) => conversation.invoiceId !== options.invoiceId,
    ),
  };
}

export type CustomerContext = NonNullable<Awaited<ReturnType<typeof loadCustomerContext>>>;
