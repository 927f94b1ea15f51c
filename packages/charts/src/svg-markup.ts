// SVG written as text, for documents built without React: the heatmap export writes thousands of
// cells and would otherwise need react-dom/server (a 60 KB gz chunk) only to print them.

/** Text safe inside an XML element or a quoted attribute (double or single quotes). */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Attributes in the order they are written; undefined ones are left out, as React does. */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

/**
 * One element as markup, every attribute value escaped. `children` are markup already: pass text
 * through `escapeXml`.
 *
 * @example svgElement("text", { x: 4, fill: "#1f1f1f" }, escapeXml("A & B"))
 * // → '<text x="4" fill="#1f1f1f">A &amp; B</text>'
 */
export function svgElement(name: string, attributes: SvgAttributes, ...children: string[]): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes))
    if (value !== undefined) open += ` ${key}="${escapeXml(String(value))}"`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`;
}
