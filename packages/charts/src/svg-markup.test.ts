import { describe, expect, it } from "vitest";
import { escapeXml, svgElement } from "./svg-markup";

describe("SVG markup", () => {
  it("escapes text for XML", () => {
    expect(escapeXml(`a & b < c > "d"`)).toBe("a &amp; b &lt; c &gt; &quot;d&quot;");
    expect(escapeXml(`it's`)).toBe("it&#39;s");
    // & first: an entity in the input is text, not an entity.
    expect(escapeXml("&lt;")).toBe("&amp;lt;");
  });

  it("writes attributes in order, escaped, leaving undefined ones out", () => {
    expect(svgElement("rect", { x: 0, width: 1.5, fill: undefined, "data-k": `a"b'c<&` })).toBe(
      `<rect x="0" width="1.5" data-k="a&quot;b&#39;c&lt;&amp;"/>`,
    );
  });

  it("closes an element around its children, and an empty text too", () => {
    expect(svgElement("g", { class: "g" }, "<a/>", "<b/>")).toBe('<g class="g"><a/><b/></g>');
    expect(svgElement("title", {}, "")).toBe("<title></title>");
  });
});
