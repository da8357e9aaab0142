import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { UsageResolution } from "@/lib/db/generated/client";
import type { DemoPlan } from "@/lib/demo/demo-catalogue";
import { between } from "@/lib/demo/demo-people";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { lineNetOre } from "@/lib/invoices/totals";

/**
 * What one demo invoice holds: the usage series of its period, its lines and its value facts,
 * all derived from the same numbers so the page can be checked against the data.
 */
export interface DemoUsageProfile {
  /** Typical usage per day (kWh or GB) before seasonal swing. */
  dailyBase: number;
  hasMobile: boolean;
  hasGreenPlan: boolean;
}

export interface DemoInvoiceContent {
  readings: Array<{ readAt: Date; quantityMilli: number; resolution: UsageResolution }>;
  lines: InvoiceLineInput[];
  valueFacts: Array<{
    key: string;
    labelSv: string;
    labelEn: string;
    valueMilli: number;
    unit: string;
    comparisonMilli?: number;
    comparisonLabelSv?: string;
    comparisonLabelEn?: string;
  }>;
}

const DAY_MS = 86_400_000;

/**
 * Energiskatt on electricity, öre per kWh excl. VAT, in hundredths of an öre, by the year the
 * usage was in (lag 1994:1776 om skatt på energi, 11 kap. 3 §, as Skatteverket publishes the
 * rate each year): 42,80 öre in 2024, 43,90 öre in 2025, and 36,00 öre from 1 January 2026 after
 * the cut in the 2026 budget. Kept here for the demo only; a biller sends its own lines.
 */
export function energyTaxCentiOrePerKwh(periodStart: Date): number {
  const year = periodStart.getUTCFullYear();
  if (year <= 2024) return 4_280;
  if (year === 2025) return 4_390;
  return 3_600;
}

function daysOf(periodStart: Date, periodEnd: Date): Date[] {
  const days: Date[] = [];
  for (let t = periodStart.getTime(); t <= periodEnd.getTime(); t += DAY_MS) days.push(new Date(t));
  return days;
}

/** Electricity peaks in January and bottoms out in July. */
function seasonalFactor(date: Date): number {
  return 1 + 0.55 * Math.cos((2 * Math.PI * date.getUTCMonth()) / 12);
}

export function energyInvoiceContent(options: {
  random: () => number;
  plan: DemoPlan;
  listPlan: DemoPlan;
  profile: DemoUsageProfile;
  periodStart: Date;
  periodEnd: Date;
  hourly: boolean;
  welcomeDiscount: boolean;
}): DemoInvoiceContent {
  const { random, plan, profile } = options;
  const readings: DemoInvoiceContent["readings"] = [];
  for (const day of daysOf(options.periodStart, options.periodEnd)) {
    const dayKwh = profile.dailyBase * seasonalFactor(day) * (0.75 + random() * 0.5);
    if (options.hourly) {
      for (let hour = 0; hour < 24; hour++) {
        // Morning and evening peaks, as in a Swedish home.
        const shape = 0.6 + (hour >= 6 && hour <= 9 ? 0.8 : 0) + (hour >= 17 && hour <= 21 ? 1 : 0);
        const quantityMilli = Math.round(((dayKwh * shape) / 30.4) * (0.8 + random() * 0.4) * 1000);
        readings.push({
          readAt: new Date(day.getTime() + hour * 3_600_000),
          quantityMilli,
          resolution: "HOUR",
        });
      }
    } else {
      readings.push({ readAt: day, quantityMilli: Math.round(dayKwh * 1000), resolution: "DAY" });
    }
  }
  const totalMilli = readings.reduce((sum, r) => sum + r.quantityMilli, 0);
  // The month's spot price to the hundredth of an öre (e.g. 97,45 öre/kWh), and the variable
  // plan's price following it with a markup, as sub-öre as the market's.
  const spotCentiOre = between(random, 4_000, 14_000);
  const unitPriceCentiOre =
    plan.code === "EL-RORLIG" ? spotCentiOre + between(random, 600, 1_400) : plan.unitPriceCentiOre;
  const energyTaxCentiOre = energyTaxCentiOrePerKwh(options.periodStart);
  const period = {
    periodStart: formatCalendarDate(options.periodStart),
    periodEnd: formatCalendarDate(options.periodEnd),
  };
  const lines: InvoiceLineInput[] = [
    {
      kind: "SUBSCRIPTION",
      description: `Månadsavgift ${plan.name}`,
      descriptionEn: `Monthly fee ${plan.nameEn}`,
      quantityMilli: 1000,
      unit: "mån",
      unitPriceCentiOre: plan.monthlyFeeOre * 100,
      vatRate: 25,
      ...period,
    },
    {
      kind: "USAGE",
      description: "Elförbrukning",
      descriptionEn: "Electricity used",
      quantityMilli: totalMilli,
      unit: "kWh",
      unitPriceCentiOre,
      vatRate: 25,
      ...period,
    },
    {
      // Charged per kWh at the rate of the year, and VAT is charged on it too.
      kind: "USAGE",
      description: "Energiskatt",
      descriptionEn: "Energy tax",
      quantityMilli: totalMilli,
      unit: "kWh",
      unitPriceCentiOre: energyTaxCentiOre,
      vatRate: 25,
      ...period,
    },
  ];
  if (options.welcomeDiscount) {
    lines.push({
      kind: "DISCOUNT",
      description: "Välkomstrabatt",
      descriptionEn: "Welcome discount",
      quantityMilli: 1000,
      unit: "st",
      unitPriceCentiOre: -500_000,
      vatRate: 25,
    });
  }
  const ourCostOre =
    lineNetOre({ quantityMilli: totalMilli, unitPriceCentiOre }) + plan.monthlyFeeOre;
  const listCostOre =
    lineNetOre({
      quantityMilli: totalMilli,
      unitPriceCentiOre: options.listPlan.unitPriceCentiOre,
    }) + options.listPlan.monthlyFeeOre;
  const spotOre = spotCentiOre / 100;
  return {
    readings,
    lines,
    valueFacts: [
      {
        key: "renewable_share",
        labelSv: "Förnybar el",
        labelEn: "Renewable electricity",
        valueMilli: profile.hasGreenPlan ? 100_000 : between(random, 61, 74) * 1000,
        unit: "%",
        comparisonMilli: 68_000,
        comparisonLabelSv: "Svensk elmix",
        comparisonLabelEn: "Swedish grid mix",
      },
      {
        key: "price_vs_spot",
        labelSv: "Ditt elpris",
        labelEn: "Your electricity price",
        // Thousandths of an öre: hundredths × 10.
        valueMilli: unitPriceCentiOre * 10,
        unit: "öre/kWh",
        comparisonMilli: Math.round(spotOre * 1000),
        comparisonLabelSv: "Månadens spotpris",
        comparisonLabelEn: "This month's spot price",
      },
      {
        key: "list_price_cost",
        labelSv: "Kostnad exkl. moms",
        labelEn: "Cost excl. VAT",
        valueMilli: ourCostOre * 10,
        unit: "kr",
        comparisonMilli: listCostOre * 10,
        comparisonLabelSv: `Samma förbrukning på ${options.listPlan.name}`,
        comparisonLabelEn: `Same usage on ${options.listPlan.nameEn}`,
      },
    ],
  };
}

export function broadbandInvoiceContent(options: {
  random: () => number;
  plan: DemoPlan;
  mobilePlan: DemoPlan;
  profile: DemoUsageProfile;
  periodStart: Date;
  periodEnd: Date;
}): DemoInvoiceContent {
  const { random, plan, profile } = options;
  const readings = daysOf(options.periodStart, options.periodEnd).map((day) => {
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const gb = profile.dailyBase * (weekend ? 1.4 : 1) * (0.5 + random());
    return { readAt: day, quantityMilli: Math.round(gb * 1000), resolution: "DAY" as const };
  });
  const period = {
    periodStart: formatCalendarDate(options.periodStart),
    periodEnd: formatCalendarDate(options.periodEnd),
  };
  const lines: InvoiceLineInput[] = [
    {
      kind: "SUBSCRIPTION",
      description: `Bredband ${plan.name}`,
      descriptionEn: `Broadband ${plan.nameEn}`,
      quantityMilli: 1000,
      unit: "mån",
      unitPriceCentiOre: plan.monthlyFeeOre * 100,
      vatRate: 25,
      ...period,
    },
    {
      kind: "SUBSCRIPTION",
      description: "Hyra wifi-router",
      descriptionEn: "Wi-fi router rental",
      quantityMilli: 1000,
      unit: "mån",
      unitPriceCentiOre: 392_000,
      vatRate: 25,
      ...period,
    },
  ];
  if (profile.hasMobile) {
    lines.push({
      kind: "SUBSCRIPTION",
      description: options.mobilePlan.name,
      descriptionEn: options.mobilePlan.nameEn,
      quantityMilli: 1000,
      unit: "mån",
      unitPriceCentiOre: options.mobilePlan.monthlyFeeOre * 100,
      vatRate: 25,
      ...period,
    });
    const extraGb = random() < 0.25 ? between(random, 1, 6) : 0;
    if (extraGb > 0) {
      lines.push({
        kind: "USAGE",
        description: "Extra surf utöver 20 GB",
        descriptionEn: "Extra data beyond 20 GB",
        quantityMilli: extraGb * 1000,
        unit: "GB",
        unitPriceCentiOre: options.mobilePlan.unitPriceCentiOre,
        vatRate: 25,
        ...period,
      });
    }
  }
  const promised = plan.downloadMbps ?? 100;
  return {
    readings,
    lines,
    valueFacts: [
      {
        key: "avg_download_speed",
        labelSv: "Uppmätt snitthastighet",
        labelEn: "Measured average speed",
        valueMilli: Math.round(promised * (0.86 + random() * 0.12) * 1000),
        unit: "Mbit/s",
        comparisonMilli: promised * 1000,
        comparisonLabelSv: "Utlovad hastighet",
        comparisonLabelEn: "Promised speed",
      },
      {
        key: "uptime",
        labelSv: "Tillgänglighet",
        labelEn: "Uptime",
        valueMilli: between(random, 99_820, 100_000),
        unit: "%",
        comparisonMilli: 99_500,
        comparisonLabelSv: "Vårt löfte",
        comparisonLabelEn: "Our promise",
      },
    ],
  };
}
