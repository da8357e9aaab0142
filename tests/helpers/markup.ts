/**
 * Reading server-rendered markup (renderToStaticMarkup) in component tests, without a DOM: a
 * form field's tag, one of its attributes, and text as React escapes it.
 */
export function inputTag(html: string, name: string, value: string): string {
  const tag = [...html.matchAll(/<input [^>]*>/g)]
    .map((match) => match[0])
    .find(
      (candidate) => candidate.includes(`name="${name}"`) && candidate.includes(`value="${value}"`),
    );
  if (!tag) throw new Error(`no input ${name}=${value}`);
  return tag;
}

export function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Text as React writes it into markup. */
export function escaped(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}
