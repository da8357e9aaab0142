import type { ParsedContentBlock } from "@/lib/content/blocks/block-input";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isAllowedImageUrl, parseImageHosts } from "@/lib/http/image-hosts";

export interface Marketer {
  staffId: string;
  organizationId: string;
}

/**
 * Creates a block (as a draft) or edits one. Variants are matched by key, so a variant keeps its id
 * and its history while its text is edited; a variant that customers have already seen cannot be
 * removed (its numbers would lose their meaning) — set its weight to 0 to stop showing it.
 */
/**
 * Images are loaded by customers' browsers, and the pages' CSP lets them come only from the hosts
 * in CONTENT_IMAGE_HOSTS: an image from anywhere else is refused here, with the hosts named, rather
 * than saved to show as a broken image.
 */
function assertImageHosts(input: ParsedContentBlock, hosts: readonly string[]): void {
  for (const [index, variant] of input.variants.entries()) {
    for (const [language, content] of Object.entries(variant.content)) {
      const url = (content as { imageUrl?: string | null } | undefined)?.imageUrl;
      if (url && !isAllowedImageUrl(url, hosts)) {
        throw new AppError(
          "BAD_INPUT",
          hosts.length
            ? `variants.${index}.content.${language}.imageUrl: images may only come from ${hosts.join(", ")}`
            : `variants.${index}.content.${language}.imageUrl: no image hosts are allowed; an administrator sets CONTENT_IMAGE_HOSTS`,
        );
      }
    }
  }
}

export async function saveContentBlock(options: {
  db: Db;
  marketer: Marketer;
  blockId?: string;
  /** Parsed at the boundary with contentBlockInputSchema. */
  input: ParsedContentBlock;
  /** Hosts images may come from (default: CONTENT_IMAGE_HOSTS). */
  imageHosts?: readonly string[];
}): Promise<{ id: string; version: number; status: string }> {
  const { input } = options;
  const { organizationId } = options.marketer;
  assertImageHosts(input, options.imageHosts ?? parseImageHosts(getEnv().CONTENT_IMAGE_HOSTS));
  const fields = {
    name: input.name,
    kind: input.kind,
    slot: input.slot,
    priority: input.priority,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    targeting: input.targeting as Prisma.InputJsonValue,
    frequencyCap: input.frequencyCap,
    settings: (input.settings ?? {}) as Prisma.InputJsonValue,
  };
  return options.db.$transaction(async (tx) => {
    if (!options.blockId) {
      const created = await tx.contentBlock.create({
        data: {
          ...fields,
          organizationId,
          variants: {
            create: input.variants.map((v) => ({
              key: v.key,
              weight: v.weight,
              content: v.content,
            })),
          },
        },
        select: { id: true, version: true, status: true },
      });
      return created;
    }
    const existing = await tx.contentBlock.findFirst({
      where: { id: options.blockId, organizationId },
      select: {
        id: true,
        kind: true,
        variants: { select: { id: true, key: true, _count: { select: { events: true } } } },
      },
    });
    if (!existing) throw new AppError("NOT_FOUND", "No such content block");
    if (existing.kind !== input.kind) {
      throw new AppError("CONFLICT", "A block's kind cannot change; make a new block instead");
    }
    const keys = new Set(input.variants.map((v) => v.key));
    for (const variant of existing.variants) {
      if (keys.has(variant.key)) continue;
      if (variant._count.events > 0) {
        throw new AppError(
          "CONFLICT",
          `Variant ${variant.key} has been shown to customers; set its weight to 0 instead of removing it`,
        );
      }
      await tx.contentVariant.delete({ where: { id: variant.id } });
    }
    for (const variant of input.variants) {
      await tx.contentVariant.upsert({
        where: { blockId_key: { blockId: existing.id, key: variant.key } },
        create: {
          blockId: existing.id,
          key: variant.key,
          weight: variant.weight,
          content: variant.content,
        },
        update: { weight: variant.weight, content: variant.content },
      });
    }
    return tx.contentBlock.update({
      where: { id: existing.id },
      data: { ...fields, version: { increment: 1 }, ruleProblem: null, ruleProblemAt: null },
      select: { id: true, version: true, status: true },
    });
  });
}

/** Publishes, withdraws (back to draft) or archives a block of the marketer's organisation. */
export async function setContentBlockStatus(options: {
  db: Db;
  marketer: Marketer;
  blockId: string;
  status: "PUBLISHED" | "DRAFT" | "ARCHIVED";
}): Promise<{ id: string; version: number; status: string }> {
  const block = await options.db.contentBlock.findFirst({
    where: { id: options.blockId, organizationId: options.marketer.organizationId },
    select: { id: true, status: true },
  });
  if (!block) throw new AppError("NOT_FOUND", "No such content block");
  return options.db.contentBlock.update({
    where: { id: block.id },
    data: {
      status: options.status,
      version: { increment: 1 },
      ...(options.status === "PUBLISHED" ? { publishedAt: new Date() } : {}),
    },
    select: { id: true, version: true, status: true },
  });
}
