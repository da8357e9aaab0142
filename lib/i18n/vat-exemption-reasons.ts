import type { Locale } from "@/lib/money/money";

/**
 * The reason a 0 % line carries no VAT (ML 2023:200 17 kap. 24 §) is stored as the biller wrote
 * it, in Swedish. An English document says the known legal reasons in English — exemption (10 kap.
 * ML), reverse charge, export outside the EU, an intra-EU supply of goods — each with the legal
 * reference it was written with; any other text stays exactly as written, because a free-text
 * reason we do not recognise is safer shown in the biller's words than guessed at.
 */
export type VatReasonKind = "exempt" | "reverse_charge" | "export" | "intra_eu";

const HEADS: Record<VatReasonKind, string> = {
  // "Undantag från skatteplikt, unionsintern varuleverans" is an intra-EU supply, not a bare
  // exemption: the prefix is allowed in front of the export and intra-EU heads.
  intra_eu:
    "(?:undantag från skatteplikt[,:]?\\s*(?:vid |för )?)?(?:unionsintern|gemenskapsintern) (?:varu)?leverans(?: av varor)?(?: till annat eu-land)?",
  export:
    "(?:undantag från skatteplikt[,:]?\\s*(?:vid |för )?)?(?:varuexport|export(?: av varor)?(?:,? (?:till (?:land |länder )?)?(?:utanför eu|tredje ?land))?|(?:omsättning|försäljning) utanför eu)",
  reverse_charge: "omvänd (?:betalnings|skatt)skyldighet",
  exempt: "(?:undantag(?:en|et)? från skatteplikt|momsfri(?:tt)?(?: omsättning)?)",
};

// "10 kap. ML", "10 kap. 42 § ML", "3 kap. 30 a § mervärdesskattelagen (1994:200)".
const REFERENCE =
  "(\\d{1,2}) kap\\.?(?: (\\d{1,3}(?: ?[a-z])?) ?§)? ?(ml|mervärdesskattelagen|momslagen)(?: ?\\((\\d{4}:\\d{1,4})\\))?";
const TAIL = `(?:[,:;]? ?(?:enligt )?\\(?${REFERENCE}\\)?)?`;

const PATTERNS = (Object.keys(HEADS) as VatReasonKind[]).map((kind) => ({
  kind,
  pattern: new RegExp(`^${HEADS[kind]}${TAIL}$`, "u"),
}));

function normalise(reason: string): string {
  return reason
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00A0]+/g, " ")
    .replace(/[\u2013\u2014]/g, "-")
    .trim()
    .replace(/\.$/, "");
}

interface ReadReason {
  kind: VatReasonKind;
  reference: { chapter: string; section?: string; law?: string } | null;
}

/** The known legal reason a text states in full, or null for anything else. */
export function readVatReason(reason: string): ReadReason | null {
  const text = normalise(reason);
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, chapter, section, , law] = match;
    return {
      kind,
      reference: chapter ? { chapter, section, law } : null,
    };
  }
  return null;
}

/**
 * Whether the reason says the buyer accounts for the VAT (reverse charge) or the line is an
 * intra-EU supply of goods: either way the invoice must carry the buyer's VAT number (ML 17 kap.
 * 24 §, directive 2006/112/EC art. 226.4). Looser than readVatReason on purpose — any mention
 * counts — because wrongly asking for a VAT number costs a correction, while missing one makes
 * the invoice deficient.
 */
export function needsBuyerVatNumber(reason: string | null | undefined): boolean {
  if (!reason) return false;
  const text = normalise(reason);
  return /omvänd (?:betalnings|skatt)skyldighet|reverse charge|(?:unionsintern|gemenskapsintern)|intra-?(?:eu|community)/u.test(
    text,
  );
}

const ENGLISH: Record<VatReasonKind, string> = {
  exempt: "Exempt from VAT",
  reverse_charge: "Reverse charge",
  export: "Export outside the EU, exempt from VAT",
  intra_eu: "Intra-EU supply of goods, exempt from VAT",
};

function englishReference(reference: NonNullable<ReadReason["reference"]>): string {
  const section = reference.section ? `, section ${reference.section}` : "";
  const law = reference.law ? ` (${reference.law})` : " (ML)";
  return `Chapter ${reference.chapter}${section} of the Swedish VAT Act${law}`;
}

/** The reason as a document in `locale` prints it. */
export function vatReasonText(reason: string, locale: Locale): string {
  if (locale === "sv") return reason;
  const read = readVatReason(reason);
  if (!read) return reason;
  const base = ENGLISH[read.kind];
  return read.reference ? `${base} under ${englishReference(read.reference)}` : base;
}
