import type { Db } from "@/lib/db/database";
import {
  DEMO_STAFF,
  DEMO_SUPPORT_HOURS,
  type DemoOrganization,
  type DemoPlan,
} from "@/lib/demo/demo-catalogue";

export type DemoOrganizationRow = Awaited<ReturnType<typeof createDemoOrganization>>;

export function isEnergyCatalogue(demo: DemoOrganization): boolean {
  return demo.plans[0]!.kind === "ENERGY";
}

/**
 * One demo biller with its plans and its staff (admin, agent, marketer), from the catalogue.
 * `identity` gives a copy its own slug, name and staff email domain (end-to-end fixtures make a
 * fresh company per test this way).
 */
export async function createDemoOrganization(options: {
  db: Db;
  demo: DemoOrganization;
  passwordHash: string;
  identity?: { slug: string; name: string; emailDomain: string };
}) {
  const { demo } = options;
  const identity = options.identity ?? demo;
  const organization = await options.db.organization.create({
    data: {
      slug: identity.slug,
      name: identity.name,
      orgNumber: demo.orgNumber,
      vatNumber: demo.vatNumber,
      addressLine1: demo.addressLine1,
      postalCode: demo.postalCode,
      city: demo.city,
      bankgiro: demo.bankgiro,
      plusgiro: demo.plusgiro,
      swishNumber: demo.swishNumber,
      supportEmail: demo.supportEmail,
      supportPhone: demo.supportPhone,
      brandColor: demo.brandColor,
      reminderFeeOre: demo.reminderFeeOre,
      supportHours: isEnergyCatalogue(demo)
        ? DEMO_SUPPORT_HOURS.norrsken
        : DEMO_SUPPORT_HOURS.fiberlank,
      staffUsers: {
        create: DEMO_STAFF.map((staff) => ({
          email: `${staff.key}@${identity.emailDomain}`,
          name: staff.name,
          role: staff.role,
          passwordHash: options.passwordHash,
        })),
      },
      plans: { create: demo.plans },
    },
    include: { plans: true },
  });
  return { ...organization, planByCode: new Map(organization.plans.map((p) => [p.code, p])) };
}

/** The plans a household picks from (mobile is an add-on of the broadband catalogue). */
export function mainPlansOf(demo: DemoOrganization): DemoPlan[] {
  return demo.plans.filter((plan) => plan.kind !== "MOBILE");
}
