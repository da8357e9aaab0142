import { z } from "zod";
import { findShownBlock } from "@/lib/content/blocks/shown-block";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { recordWebhookEvents } from "@/lib/webhooks/outbox";

export const contentEventInputSchema = z.object({
  blockId: z.uuid({ error: "blockId must be a content block's id" }),
  type: z.enum(["IMPRESSION", "CLICK"]),
});

/**
 * Counts that a customer saw (the block was actually on screen) or clicked a block. Once per
 * invoice, block and kind of event: a reload or a second tab does not count twice.
 */
export async function recordContentEvent(options: {
  db: Db;
  invoiceId: string;
  input: z.output<typeof contentEventInputSchema>;
}): Promise<{ recorded: boolean }> {
  const { input } = options;
  const { block, invoice } = await findShownBlock(options.db, {
    invoiceId: options.invoiceId,
    blockId: input.blockId,
  });
  const { count } = await options.db.contentEvent.createMany({
    data: [
      {
        organizationId: invoice.organizationId,
        blockId: block.blockId,
        variantId: block.variantId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        type: input.type,
      },
    ],
    skipDuplicates: true,
  });
  return { recorded: count > 0 };
}

export const surveyAnswerInputSchema = z.object({
  score: z.number({ error: "score must be a number" }).int("score must be a whole number"),
});

/** Stores a customer's answer to a block's survey question: once per invoice. */
export async function answerSurvey(options: {
  db: Db;
  invoiceId: string;
  blockId: string;
  input: z.output<typeof surveyAnswerInputSchema>;
}): Promise<{ score: number; alreadyAnswered: boolean }> {
  const { input } = options;
  const { block, invoice } = await findShownBlock(options.db, {
    invoiceId: options.invoiceId,
    blockId: options.blockId,
  });
  if (!block.survey) throw new AppError("NOT_FOUND", "This content has no question to answer");
  if (block.survey.answer !== null) return { score: block.survey.answer, alreadyAnswered: true };
  if (input.score < block.survey.min || input.score > block.survey.max) {
    throw new AppError(
      "BAD_INPUT",
      `score must be between ${block.survey.min} and ${block.survey.max}`,
    );
  }
  const row = {
    organizationId: invoice.organizationId,
    blockId: block.blockId,
    variantId: block.variantId,
    customerId: invoice.customerId,
    invoiceId: invoice.id,
  };
  return options.db.$transaction(async (tx) => {
    const { count } = await tx.surveyAnswer.createMany({
      data: [{ ...row, score: input.score }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const earlier = await tx.surveyAnswer.findUniqueOrThrow({
        where: { blockId_invoiceId: { blockId: block.blockId, invoiceId: invoice.id } },
        select: { score: true },
      });
      return { score: earlier.score, alreadyAnswered: true };
    }
    await tx.contentEvent.createMany({
      data: [{ ...row, type: "SURVEY_ANSWER" }],
      skipDuplicates: true,
    });
    await recordWebhookEvents(tx, [
      {
        organizationId: invoice.organizationId,
        type: "survey.answered",
        invoiceId: invoice.id,
        data: {
          survey: { blockId: block.blockId, variantId: block.variantId, score: input.score },
        },
      },
    ]);
    return { score: input.score, alreadyAnswered: false };
  });
}
