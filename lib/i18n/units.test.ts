import { describe, expect, it } from "vitest";
import { displayUnit } from "./units";

describe("displayUnit", () => {
  it("says Swedish units in English on an English document, and leaves the rest as stored", () => {
    expect(displayUnit("mån", "en")).toBe("mo");
    expect(displayUnit("St", "en")).toBe("pcs");
    expect(displayUnit("kWh", "en")).toBe("kWh");
    expect(displayUnit("Mbit/s", "en")).toBe("Mbit/s");
    expect(displayUnit("mån", "sv")).toBe("mån");
  });
});
