import { parseRichText } from "@/lib/content/blocks/rich-text";
import type { SelectedBlock } from "@/lib/content/blocks/select-blocks";
import type { ContentSlot as Slot } from "@/lib/db/generated/client";
import { contentMessages } from "@/lib/i18n/content-messages";
import { formatLongDate } from "@/lib/i18n/format-date";
import { formatMoney } from "@/lib/money/money";
import { offerHeadline, offerSummaryFigure } from "@/lib/offers/offer-figures";
import { ContentImpression, type ContentLink } from "./content-tracking";
import { OfferAccept } from "./offer-accept";
import { RichText } from "./rich-text";
import { SurveyQuestion } from "./survey-question";

const KIND_STYLE: Record<SelectedBlock["kind"], string> = {
  OFFER: "border-l-4 border-emerald-600",
  INFORMATION: "border-l-4 border-sky-600",
  CAMPAIGN_ENDING: "border-l-4 border-amber-500",
  LOYALTY: "border-l-4 border-fuchsia-600",
  APOLOGY: "border-l-4 border-slate-500",
  SURVEY: "border-l-4 border-indigo-600",
  NOTICE: "border-l-4 border-slate-700",
};

/**
 * The marketing blocks of one slot. Blocks are ordinary sections in the page's flow — no
 * positioning, no markup of the marketer's own — so nothing they contain can hide or cover the
 * invoice's legal content. `link` is null in previews: nothing is counted or accepted there.
 */
export function ContentSlot({
  blocks,
  slot,
  locale,
  link,
}: {
  blocks: SelectedBlock[];
  slot: Slot;
  locale: "sv" | "en";
  link: ContentLink | null;
}) {
  const mine = blocks.filter((block) => block.slot === slot);
  if (mine.length === 0) return null;
  return (
    <div className="flex flex-col gap-4">
      {mine.map((block) => (
        <ContentImpression key={block.blockId} link={link} blockId={block.blockId}>
          <ContentBlockView block={block} locale={locale} link={link} />
        </ContentImpression>
      ))}
    </div>
  );
}

function ContentBlockView({
  block,
  locale,
  link,
}: {
  block: SelectedBlock;
  locale: "sv" | "en";
  link: ContentLink | null;
}) {
  const headingId = `content-${block.blockId}`;
  const { content } = block;
  const money = (ore: number) => formatMoney(ore, { locale });
  // The saving (or, honestly, the extra cost) is read with the title, before any tap.
  const headline = block.offer
    ? offerHeadline({
        annualSavingOre: block.offer.annualSavingOre,
        planName: block.offer.planName,
        locale,
        isSavingInTitle: block.offer.isSavingInTitle,
        basis: block.offer.priceBasis,
      })
    : null;
  const isDearer = (block.offer?.annualSavingOre ?? 0) < 0;
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-lg bg-white p-4 shadow-sm ${KIND_STYLE[block.kind]}`}
      data-testid="content-block"
      data-block-id={block.blockId}
      data-variant={block.variantKey}
      data-kind={block.kind}
    >
      {block.kind === "OFFER" ? (
        <p className="text-xs font-semibold uppercase tracking-wide text-emerald-800">
          {contentMessages[locale].offerLabel}
        </p>
      ) : null}
      <h2 id={headingId} className="text-lg font-semibold">
        {content.title}
      </h2>
      {headline ? (
        <p
          className={`mt-1 text-base font-semibold ${isDearer ? "text-slate-800" : "text-emerald-900"}`}
          data-testid="offer-headline"
        >
          {headline}
        </p>
      ) : null}
      {content.imageUrl ? (
        // biome-ignore lint/performance/noImgElement: marketers' images come from their own hosts
        <img
          src={content.imageUrl}
          alt={content.imageAlt ?? ""}
          loading="lazy"
          className="mt-2 max-h-64 w-full rounded object-cover"
        />
      ) : null}
      <div className="mt-2 text-sm">
        <RichText document={parseRichText(content.body)} />
      </div>
      {block.offer ? (
        <div className="mt-3">
          <OfferAccept
            link={link}
            blockId={block.blockId}
            locale={locale}
            cta={content.cta}
            planName={block.offer.planName}
            summary={{
              fromPlan: block.offer.currentPlanName,
              effectiveFrom: formatLongDate(block.offer.effectiveFrom, locale),
              newFee: money(block.offer.monthlyFeeOre),
              yearly: offerSummaryFigure(
                block.offer.annualSavingOre,
                locale,
                block.offer.priceBasis,
              ),
            }}
            accepted={
              block.offer.acceptedAt
                ? { effectiveFrom: formatLongDate(block.offer.effectiveFrom, locale) }
                : null
            }
          />
        </div>
      ) : null}
      {block.survey ? (
        <div className="mt-3">
          <SurveyQuestion
            link={link}
            blockId={block.blockId}
            locale={locale}
            question={content.title}
            scale={block.survey.scale}
            min={block.survey.min}
            max={block.survey.max}
            answer={block.survey.answer}
          />
        </div>
      ) : null}
    </section>
  );
}
