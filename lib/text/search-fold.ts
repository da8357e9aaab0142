/**
 * Folding names for search, so that an agent typing "oberg" finds "Öberg" and "lukasz" finds
 * "Łukasz": lower case, and each Latin letter with a diacritic as its plain letter. The same table
 * folds the typed text here and the stored names in SQL (translate(), a core PostgreSQL function:
 * the unaccent extension cannot be loaded into the embedded PGlite), so both sides always agree.
 */

/** Letters without a decomposition of their own (NFD leaves them as they are). */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: "l",
  Ł: "l",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ı: "i",
  ħ: "h",
  Ħ: "h",
};

function buildFoldTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(UNDECOMPOSABLE));
  // Latin-1 Supplement and Latin Extended-A: every letter there that is a plain letter plus marks.
  for (let code = 0xc0; code <= 0x17f; code += 1) {
    const letter = String.fromCharCode(code);
    const base = letter.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (base !== letter && /^[A-Za-z]$/.test(base)) table.set(letter, base.toLowerCase());
  }
  return table;
}

const FOLD_TABLE = buildFoldTable();

/** translate()'s arguments: each character of `from` becomes the one at its place in `to`. */
export const SEARCH_FOLD_FROM = [...FOLD_TABLE.keys()].join("");
export const SEARCH_FOLD_TO = [...FOLD_TABLE.values()].join("");

/** The text as search compares it: lower case, diacritics off ("Öberg" → "oberg"). */
export function foldForSearch(text: string): string {
  let folded = "";
  for (const character of text.normalize("NFC").toLowerCase()) {
    folded += FOLD_TABLE.get(character) ?? character;
  }
  return folded;
}
