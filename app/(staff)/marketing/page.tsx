import type { Metadata } from "next";
import { Forbidden, StaffHeader } from "@/components/staff/staff-header";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Marketing" };

export default async function MarketingPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, "/marketing");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const db = await getDb();
  const [customers, plans] = await Promise.all([
    db.customer.count({ where: { organizationId: access.staff.organizationId } }),
    db.plan.findMany({
      where: { organizationId: access.staff.organizationId, isActive: true },
      orderBy: { monthlyFeeOre: "asc" },
      select: { id: true, name: true, kind: true },
    }),
  ]);
  return (
    <>
      <StaffHeader staff={access.staff} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-bold">Marketing</h1>
        <p className="mt-2 text-slate-700">
          {customers} customers read their invoices from {access.staff.organizationName}.
        </p>
        <h2 className="mt-6 text-lg font-semibold">Plans in the catalogue</h2>
        <ul className="mt-2 list-disc pl-6">
          {plans.map((plan) => (
            <li key={plan.id}>{plan.name}</li>
          ))}
        </ul>
      </main>
    </>
  );
}
