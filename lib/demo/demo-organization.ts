import type { Db } from "@/lib/db/database";
import {
  DEMO_STAFF,
  DEMO_SUPPORT_HOURS,
  type DemoOrganization,
  type DemoPlan,
} from "@/lib/demo/demo-catalogue";
import { organizationSettingsSchema } from "@/lib/organizations/organization-settings";
import { parseInput } from "@/lib/validation/parse-input";

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
  // Through the admin's own schema: the demo's numbers are checked like anyone's.
  const settings = parseInput(
    organizationSettingsSchema,
    {
      name: identity.name,
      orgNumber: demo.orgNumber,
      vatNumber: demo.vatNumber,
      hasFSkatt: true,
      addressLine1: demo.addressLine1,
      postalCode: demo.postalCode,
      city: demo.city,
      bankgiro: demo.bankgiro,
      plusgiro: demo.plusgiro,
      swishNumber: demo.swishNumber,
      supportEmail: demo.supportEmail,
      supportPhone: demo.supportPhone,
      paymentTermsDays: 30,
      roundToWholeKrona: true,
      reminderAfterDays: 10,
      reminderFeeOre: demo.reminderFeeOre,
      allowPartialPayment: true,
      minimumPartialPaymentOre: 10_000,
      refundPolicy: "REFUND",
    },
    "demo organisation",
  );
  const organization = await options.db.organization.create({
    data: {
      slug: identity.slug,
      ...settings,
      brandColor: demo.brandColor,
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
