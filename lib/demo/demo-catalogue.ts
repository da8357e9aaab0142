import type { PlanKind, UsageUnit } from "@/lib/db/generated/client";

/**
 * The two demo billers: an electricity retailer and a broadband provider. Fictional companies with
 * numbers that pass the real check digits (org numbers, bankgiro, plusgiro), prices excl. VAT.
 */
export interface DemoPlan {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  kind: PlanKind;
  monthlyFeeOre: number;
  unitPriceCentiOre: number;
  usageUnit: UsageUnit | null;
  includedQuantityMilli: number | null;
  downloadMbps: number | null;
  uploadMbps: number | null;
}

export interface DemoOrganization {
  slug: string;
  name: string;
  orgNumber: string;
  vatNumber: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  bankgiro: string;
  plusgiro: string | null;
  swishNumber: string;
  supportEmail: string;
  supportPhone: string;
  brandColor: string;
  emailDomain: string;
  reminderFeeOre: number;
  plans: DemoPlan[];
}

const weekdays = (open: string, close: string) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [open, close]]));

export const DEMO_SUPPORT_HOURS = {
  norrsken: {
    timeZone: "Europe/Stockholm",
    days: { ...weekdays("08:00", "18:00"), sat: ["10:00", "14:00"] },
  },
  fiberlank: { timeZone: "Europe/Stockholm", days: weekdays("08:00", "20:00") },
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "norrsken-energi",
    name: "Norrsken Energi AB",
    orgNumber: "5568123458",
    vatNumber: "SE556812345801",
    addressLine1: "Kraftverksgatan 12",
    postalCode: "903 27",
    city: "Umeå",
    bankgiro: "55612345",
    plusgiro: "89012348",
    swishNumber: "1234567890",
    supportEmail: "kundservice@norrsken.example",
    supportPhone: "090-123 45 00",
    brandColor: "#0f5132",
    emailDomain: "norrsken.example",
    reminderFeeOre: 0,
    plans: [
      {
        code: "EL-RORLIG",
        name: "Rörligt elpris",
        nameEn: "Variable price",
        description: "Timpris följer Nord Pool, månadsavgift 39 kr",
        kind: "ENERGY",
        monthlyFeeOre: 3900,
        unitPriceCentiOre: 11_200,
        usageUnit: "KWH",
        includedQuantityMilli: null,
        downloadMbps: null,
        uploadMbps: null,
      },
      {
        code: "EL-FAST12",
        name: "Fast pris 12 månader",
        nameEn: "Fixed price 12 months",
        description: "Samma kWh-pris hela året",
        kind: "ENERGY",
        monthlyFeeOre: 4900,
        unitPriceCentiOre: 12_900,
        usageUnit: "KWH",
        includedQuantityMilli: null,
        downloadMbps: null,
        uploadMbps: null,
      },
      {
        code: "EL-GRON",
        name: "Grön el Bas",
        nameEn: "Green Basic",
        description: "100 % förnybar el från sol, vind och vatten",
        kind: "ENERGY",
        monthlyFeeOre: 2900,
        unitPriceCentiOre: 11_800,
        usageUnit: "KWH",
        includedQuantityMilli: null,
        downloadMbps: null,
        uploadMbps: null,
      },
    ],
  },
  {
    slug: "fiberlank",
    name: "Fiberlänk Sverige AB",
    orgNumber: "5569348716",
    vatNumber: "SE556934871601",
    addressLine1: "Ljusledargatan 4",
    postalCode: "211 19",
    city: "Malmö",
    bankgiro: "59326116",
    plusgiro: null,
    swishNumber: "1239876543",
    supportEmail: "support@fiberlank.example",
    supportPhone: "040-987 65 00",
    brandColor: "#5b21b6",
    emailDomain: "fiberlank.example",
    reminderFeeOre: 6000,
    plans: [
      broadband("FIBER-100", "Fiber 100", 100, 26320),
      broadband("FIBER-250", "Fiber 250", 250, 31920),
      broadband("FIBER-1000", "Fiber 1000", 1000, 43920),
      {
        code: "MOBIL-20",
        name: "Mobil 20 GB",
        nameEn: "Mobile 20 GB",
        description: "20 GB surf, fria samtal och sms; 20 kr per extra GB",
        kind: "MOBILE",
        monthlyFeeOre: 15920,
        unitPriceCentiOre: 160_000,
        usageUnit: "GB",
        includedQuantityMilli: 20_000,
        downloadMbps: null,
        uploadMbps: null,
      },
    ],
  },
];

function broadband(code: string, name: string, mbps: number, monthlyFeeOre: number): DemoPlan {
  return {
    code,
    name,
    nameEn: name,
    description: `${mbps}/${mbps} Mbit/s fiber, fri data`,
    kind: "BROADBAND",
    monthlyFeeOre,
    unitPriceCentiOre: 0,
    usageUnit: "GB",
    includedQuantityMilli: null,
    downloadMbps: mbps,
    uploadMbps: mbps,
  };
}

export const DEMO_STAFF_PASSWORD = "nota-demo-2026";

export const DEMO_STAFF = [
  { key: "admin", role: "ADMIN", name: "Erik Admin" },
  { key: "agent", role: "AGENT", name: "Sara Lind" },
  { key: "marketing", role: "MARKETER", name: "Maja Ek" },
  { key: "finance", role: "FINANCE", name: "Fredrik Berg" },
] as const;
