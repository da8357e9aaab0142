/**
 * A message file's shape, for tests: every key path, recursively, with functions and strings as
 * leaves (their words differ per language), so Swedish and English can be compared key for key.
 */
export function keyShape(messages: unknown): unknown {
  if (typeof messages === "function") return "function";
  if (Array.isArray(messages)) return messages.map(keyShape);
  if (messages !== null && typeof messages === "object")
    return Object.fromEntries(
      Object.entries(messages)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [key, keyShape(value)]),
    );
  return typeof messages;
}
