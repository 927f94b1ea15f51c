import { describe, expect, it } from "vitest";
import { WHOLE_OPERATION } from "../url-state";
import { explainRequest } from "./why-request";

describe("explainRequest", () => {
  it("explains a task's, Not specified's and the whole operation's figure within the view's filters", () => {
    const filter = { donorCode: "USA" };
    expect(explainRequest({ taskCode: "POC", measure: "gap" }, filter)).toEqual({
      taskCode: "POC",
      bucket: "task",
      filter,
    });
    expect(explainRequest({ taskCode: null, measure: "funded" }, filter)).toMatchObject({
      taskCode: null,
      bucket: "not_specified",
    });
    expect(explainRequest({ taskCode: WHOLE_OPERATION, measure: "funded" }, {})).toEqual({
      taskCode: null,
      bucket: "all",
      filter: {},
    });
  });

  it("explains a drill-down cell with its column's filter only, and a row total with none", () => {
    const viewFilter = { entityCode: "UNDP" };
    expect(
      explainRequest(
        { taskCode: "POC", measure: "funded", drill: { by: "donor", value: "NOR" } },
        viewFilter,
      ),
    ).toEqual({ taskCode: "POC", bucket: "task", filter: { donorCode: "NOR" } });
    expect(
      explainRequest(
        { taskCode: "POC", measure: "funded", drill: { by: "fundingType", value: "assessed" } },
        viewFilter,
      ).filter,
    ).toEqual({ fundingType: "assessed" });
    expect(
      explainRequest(
        {
          taskCode: null,
          measure: "funded",
          unallocated: true,
          drill: { by: "entity", value: null },
        },
        viewFilter,
      ),
    ).toEqual({ taskCode: null, bucket: "unallocated", filter: { entityCode: null } });
    expect(
      explainRequest({ taskCode: "POC", measure: "funded", drill: { by: "donor" } }, viewFilter)
        .filter,
    ).toEqual({});
  });
});
