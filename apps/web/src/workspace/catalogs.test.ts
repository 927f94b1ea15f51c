import { describe, expect, it } from "vitest";
import { catalogShape } from "../i18n/catalog-shape";
import { auditEn, auditFr } from "./audit-messages";
import { importEn, importFr } from "./import-messages";

describe("the import wizard's and the audit log's strings", () => {
  it("are all in French too, with the same parameters", () => {
    expect(catalogShape(importFr)).toEqual(catalogShape(importEn));
    expect(catalogShape(auditFr)).toEqual(catalogShape(auditEn));
  });
});
