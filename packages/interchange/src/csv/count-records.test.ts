import { describe, expect, it } from "vitest";
import { countCsvRecords } from "./count-records";

describe("countCsvRecords", () => {
  it("counts data records, not the header, blank rows or line breaks inside quotes", () => {
    expect(countCsvRecords('a,b\n1,"x\ny"\n\n,,\n2,3\n')).toBe(2);
    expect(countCsvRecords("a,b\r\n1,2\r\n3,4")).toBe(2);
    expect(countCsvRecords(new TextEncoder().encode("a;b\r1;2\r"))).toBe(1);
  });

  it("is 0 for a header alone or an empty file", () => {
    expect(countCsvRecords("a,b\n")).toBe(0);
    expect(countCsvRecords("a,b")).toBe(0);
    expect(countCsvRecords("")).toBe(0);
  });
});
