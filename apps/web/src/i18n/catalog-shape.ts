/**
 * A message catalog's shape for comparing languages: every key, each string as "string", each
 * function as its number of parameters and each list item by item. Two catalogs with the same
 * shape translate the same messages with the same parameters.
 * @example expect(catalogShape(fr)).toEqual(catalogShape(en));
 */
export function catalogShape(value: unknown): unknown {
  if (typeof value === "function") return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(catalogShape);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, catalogShape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}
