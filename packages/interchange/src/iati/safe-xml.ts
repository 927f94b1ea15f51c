import { SaxesParser } from "saxes";
import type { ByteSource } from "../bytes";
import { binaryReasonCoded, chunksOf } from "../bytes";
import { FileProblemError, fileProblem } from "../problem";
import { reason } from "../reasons";
import type { Reason } from "../reasons";

/** The XML parser's complaint (English, about its grammar) as one of our codes. */
function notWellFormed(message: string): Reason {
  const unclosed = /^unclosed tag: (.*)$/.exec(message);
  if (unclosed) return reason("xml_unclosed", { tag: unclosed[1]! });
  if (/^unexpected end/.test(message)) return reason("xml_unexpected_end");
  if (/entity/.test(message)) return reason("xml_undefined_entity");
  return reason("xml_not_well_formed");
}

/** A small element tree (only for the elements the caller asks to collect). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/**
 * Streams an XML file and hands over each complete element named `collect` (e.g. every
 * `iati-activity`) as a small tree, so memory stays bounded by one element. Safe by
 * construction: a DOCTYPE that declares entities (XXE, "billion laughs") is refused outright;
 * no external entity or DTD is ever fetched (saxes never does), and an undefined entity
 * reference is an error. Problems are thrown as {@link FileProblemError}.
 * @example await readXmlElements(bytes, "a.xml", "iati-activity", (root) => {}, (activity) => list.push(activity));
 */
export async function readXmlElements(
  source: ByteSource,
  fileName: string,
  collect: string,
  onRoot: (root: XmlElement) => void,
  onElement: (element: XmlElement) => void,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let depth = 0;
  const state = { sawRoot: false };
  const fail = (why: Reason, line: number | null = parser.line): never => {
    throw new FileProblemError(fileProblem(fileName, why, line));
  };
  parser.on("error", (error) => {
    fail(notWellFormed(error.message.replace(/^(?:.*?:)?\d+:\d+: /, "")));
  });
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail(reason("xml_entities"));
  });
  parser.on("opentag", (tag) => {
    depth++;
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes },
      children: [],
      text: "",
      line: parser.line,
    };
    if (!state.sawRoot) {
      state.sawRoot = true;
      onRoot(element);
    }
    if (stack.length > 0) {
      stack[stack.length - 1]!.children.push(element);
      stack.push(element);
    } else if (tag.name === collect) stack.push(element);
    if (depth > 200) fail(reason("xml_too_deep"));
  });
  const onText = (text: string) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    depth--;
    const element = stack.pop();
    if (element && stack.length === 0) onElement(element);
  });
  let first = true;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of chunksOf(source)) {
      if (chunk.length === 0) continue;
      if (first && chunk instanceof Uint8Array) {
        const binary = binaryReasonCoded(chunk);
        if (binary && binary.code !== "binary_utf16") fail(binary, null);
      }
      first = false;
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    }
    if (first) fail(reason("empty_file"), null);
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof FileProblemError) throw error;
    if (error instanceof TypeError) fail(reason("not_utf8_text"), null);
    throw error;
  }
  if (!state.sawRoot) fail(reason("xml_no_element"), null);
}

/** The first child named `name`. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** All children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The text of the first `narrative` child (IATI's way of giving names and titles). */
export function narrative(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const n = child(element, "narrative");
  const text = (n ? n.text : element.text).trim();
  return text === "" ? null : text;
}
