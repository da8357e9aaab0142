/** Deterministic demo customers: the same seed gives the same people on every machine. */

export function createRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough for demo data.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: () => number, min: number, max: number): number {
  return Math.floor(min + random() * (max - min + 1));
}

const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Anders",
  "Eva",
  "Johan",
  "Sara",
  "Per",
  "Emma",
  "Nils",
  "Elin",
  "Oskar",
  "Lina",
  "Hassan",
  "Fatima",
  "Mikael",
  "Ingrid",
  "Ali",
  "Sofia",
  "Gustav",
  "Maja",
  "Ahmed",
  "Astrid",
  "Jonas",
  "Leila",
  "Björn",
  "Hanna",
  "Daniel",
] as const;

const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Berg",
  "Holm",
  "Axelsson",
  "Sandberg",
  "Ali",
  "Mohammed",
  "Lundgren",
  "Åberg",
  "Öberg",
  "Ekström",
] as const;

const STREETS = [
  "Storgatan",
  "Drottninggatan",
  "Kungsgatan",
  "Skolgatan",
  "Björkvägen",
  "Tallvägen",
  "Ringvägen",
  "Parkgatan",
  "Sjövägen",
  "Ängsvägen",
  "Granvägen",
  "Köpmangatan",
] as const;

const PLACES = [
  ["113 51", "Stockholm"],
  ["411 06", "Göteborg"],
  ["211 42", "Malmö"],
  ["753 20", "Uppsala"],
  ["903 25", "Umeå"],
  ["582 24", "Linköping"],
  ["702 11", "Örebro"],
  ["973 31", "Luleå"],
  ["352 30", "Växjö"],
  ["831 30", "Östersund"],
] as const;

export const SEGMENTS = ["household", "family", "student", "senior", "small-business"] as const;

export interface DemoPerson {
  name: string;
  emailLocalPart: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  locale: "sv" | "en";
  segment: (typeof SEGMENTS)[number];
  birthYear: number;
}

/**
 * Customers whose names are not Swedish, at fixed places in every company's list: the invoice
 * must print "Łukasz Wiśniewski, Śląska gatan" and a Sámi name exactly as written.
 */
const NAMED: Record<number, { first: string; last: string; street: string }> = {
  3: { first: "Łukasz", last: "Wiśniewski", street: "Śląska gatan" },
  11: { first: "Máret", last: "Ŋuolja-Čeavčča", street: "Đuššegeahči" },
};

export function createPerson(random: () => number, index: number): DemoPerson {
  const named = NAMED[index];
  const first = named?.first ?? pick(random, FIRST);
  const last = named?.last ?? pick(random, LAST);
  const [postalCode, city] = pick(random, PLACES);
  const segment = pick(random, SEGMENTS);
  const age =
    segment === "student"
      ? between(random, 19, 27)
      : segment === "senior"
        ? between(random, 66, 88)
        : between(random, 28, 65);
  return {
    name: `${first} ${last}`,
    emailLocalPart: `${first}.${last}.${index}`
      .toLowerCase()
      .replace(/ł/g, "l")
      .replace(/ŋ/g, "n")
      .replace(/đ/g, "d")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, ""),
    phone: `07${between(random, 0, 9)}-${between(random, 100, 999)} ${between(random, 10, 99)} ${between(random, 10, 99)}`,
    addressLine1: `${named?.street ?? pick(random, STREETS)} ${between(random, 1, 80)}`,
    postalCode,
    city,
    // About one in five prefers English.
    locale: random() < 0.2 ? "en" : "sv",
    segment,
    birthYear: 2026 - age,
  };
}
