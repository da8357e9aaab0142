import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

/**
 * Which A/B/n variant of a block a customer sees. Deterministic and stateless: the same customer
 * gets the same variant on every invoice and every server, with nothing stored, and a change to
 * one block's split never reshuffles another block's (the block id is part of the hash).
 */
export interface WeightedVariant {
  id: string;
  key: string;
  /** Relative share; 0 switches the variant off without deleting it (its results stay). */
  weight: number;
}

/** A number in [0, 2^64) from SHA-256 of `${blockId}:${customerId}`. */
function hashToBigInt(blockId: string, customerId: string): bigint {
  const digest = createHash("sha256").update(`${blockId}:${customerId}`).digest();
  return digest.readBigUInt64BE(0);
}

// Code-unit order, not localeCompare: the server's locale must not decide who sees what.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function assignVariant<V extends WeightedVariant>(
  customerId: string,
  blockId: string,
  variants: readonly V[],
): V | null {
  for (const variant of variants) {
    if (!Number.isSafeInteger(variant.weight) || variant.weight < 0) {
      throw new AppError("BAD_INPUT", `variant ${variant.key}: weight must be a whole number ≥ 0`);
    }
  }
  // Sorted by key, so the order the database or the console happens to list variants in never
  // moves a customer from one variant to another.
  const live = variants
    .filter((variant) => variant.weight > 0)
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id));
  const totalWeight = live.reduce((sum, variant) => sum + variant.weight, 0);
  if (totalWeight === 0) return null;
  // 64 bits modulo a total of at most a few thousand: the bias is below 1e-15, far under noise.
  let bucket = Number(hashToBigInt(blockId, customerId) % BigInt(totalWeight));
  for (const variant of live) {
    if (bucket < variant.weight) return variant;
    bucket -= variant.weight;
  }
  return null;
}
