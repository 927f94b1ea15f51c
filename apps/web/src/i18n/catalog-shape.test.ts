import { describe, expect, it } from "vitest";
import { catalogShape } from "./catalog-shape";

describe("catalogShape", () => {
  const en = {
    title: "Coverage",
    cell: (task: string, period: string) => `${task}, ${period}`,
    bands: ["0–25%", "25–50%"],
    nested: { close: "Close" },
  };

  it("is the same for two catalogs with the same keys, parameters and lists", () => {
    const fr = {
      nested: { close: "Fermer" },
      bands: ["0–25 %", "25–50 %"],
      cell: (tache: string, periode: string) => `${tache}, ${periode}`,
      title: "Couverture",
    };
    expect(catalogShape(fr)).toEqual(catalogShape(en));
  });

  it("differs when a key is missing, a parameter is dropped or a list is shorter", () => {
    const { nested: _nested, ...withoutNested } = en;
    expect(catalogShape(withoutNested)).not.toEqual(catalogShape(en));
    expect(catalogShape({ ...en, cell: (task: string) => task })).not.toEqual(catalogShape(en));
    expect(catalogShape({ ...en, bands: ["0–25 %"] })).not.toEqual(catalogShape(en));
  });
});
