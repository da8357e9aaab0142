import type { ContentBlockInput } from "@/lib/content/blocks/block-input";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import type { Db } from "@/lib/db/database";

const both = (
  sv: { title: string; body: string; cta?: string },
  en: { title: string; body: string; cta?: string },
) => ({
  sv,
  en,
});

/** Published demo blocks per line of business, made through the console's own functions. */
const ENERGY_BLOCKS: ContentBlockInput[] = [
  {
    name: "Bästa elavtalet för din förbrukning",
    kind: "OFFER",
    slot: "OFFERS",
    priority: 200,
    targeting: { all: [{ fact: "planKind", op: "eq", value: "ENERGY" }] },
    settings: { plan: { mode: "best" } },
    variants: [
      {
        key: "A",
        weight: 50,
        content: both(
          {
            title: "Du kan betala mindre för samma el",
            body: "Vi har räknat på **din** förbrukning det senaste året. Ett annat av våra avtal hade blivit billigare för dig.",
          },
          {
            title: "You could pay less for the same power",
            body: "We looked at **your** usage over the last year. Another of our plans would have cost you less.",
          },
        ),
      },
      {
        key: "B",
        weight: 50,
        content: both(
          {
            title: "Ett avtal som passar dig bättre",
            body: "Byt när du vill – det gäller från nästa månad och ingenting ändras på den här fakturan.",
          },
          {
            title: "A plan that fits you better",
            body: "Switch whenever you like – it applies from next month and nothing changes on this invoice.",
          },
        ),
      },
    ],
  },
  {
    name: "Tack till trogna kunder",
    kind: "LOYALTY",
    slot: "AFTER_SUMMARY",
    priority: 100,
    targeting: { all: [{ fact: "tenureMonths", op: "gte", value: 36 }] },
    variants: [
      {
        key: "A",
        weight: 1,
        content: both(
          {
            title: "Tack för {{customerYears}} år, {{firstName}}!",
            body: "Som tack bjuder vi på en månadsavgift i december.",
          },
          {
            title: "Thank you for {{customerYears}} years, {{firstName}}!",
            body: "As a thank-you, December's monthly fee is on us.",
          },
        ),
      },
    ],
  },
];

const BROADBAND_BLOCKS: ContentBlockInput[] = [
  {
    name: "Hur nöjd är du?",
    kind: "SURVEY",
    slot: "BEFORE_CHAT",
    priority: 100,
    targeting: { all: [] },
    settings: { scale: "NPS" },
    frequencyCap: 3,
    variants: [
      {
        key: "A",
        weight: 1,
        content: both(
          {
            title: "Hur troligt är det att du rekommenderar oss till en vän?",
            body: "Ett klick räcker – 0 är inte alls troligt, 10 är mycket troligt.",
          },
          {
            title: "How likely are you to recommend us to a friend?",
            body: "One click is enough – 0 is not at all likely, 10 is extremely likely.",
          },
        ),
      },
    ],
  },
  {
    name: "Dina rättigheter (GDPR)",
    kind: "NOTICE",
    slot: "BEFORE_CHAT",
    priority: 10,
    targeting: { all: [] },
    variants: [
      {
        key: "A",
        weight: 1,
        content: both(
          {
            title: "Dina uppgifter och dina rättigheter",
            body: "Du har rätt att få veta vilka uppgifter vi har om dig och att få fel rättade. Läs mer på [imy.se](https://www.imy.se/privatperson/dataskydd/).",
          },
          {
            title: "Your data and your rights",
            body: "You have the right to know what data we hold about you and to have mistakes corrected. Read more at [imy.se](https://www.imy.se/privatperson/dataskydd/).",
          },
        ),
      },
    ],
  },
];

export async function seedContent(options: {
  db: Db;
  organizationId: string;
  isEnergy: boolean;
}): Promise<void> {
  const marketer = await options.db.staffUser.findFirst({
    where: { organizationId: options.organizationId, role: "MARKETER" },
    select: { id: true },
  });
  if (!marketer) return;
  const who = { staffId: marketer.id, organizationId: options.organizationId };
  for (const input of options.isEnergy ? ENERGY_BLOCKS : BROADBAND_BLOCKS) {
    const saved = await saveContentBlock({
      db: options.db,
      marketer: who,
      input: contentBlockInputSchema.parse(input),
    });
    await setContentBlockStatus({
      db: options.db,
      marketer: who,
      blockId: saved.id,
      status: "PUBLISHED",
    });
  }
}
