import type { ByteSource } from "../bytes";
import type { Problem } from "../problem";
import { FileProblemError, fileProblem } from "../problem";
import { reason, reasonFields } from "../reasons";
import { child, childrenNamed, narrative, readXmlElements } from "./safe-xml";
import type { XmlElement } from "./safe-xml";
import type { IatiActivity, IatiAidType, IatiBudget, IatiOrg, IatiTransaction } from "./types";

function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attributes[name];
  return value === undefined || value.trim() === "" ? null : value.trim();
}

function isoDate(element: XmlElement | undefined): string | null {
  const value = attr(element, "iso-date");
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

function org(element: XmlElement | undefined): IatiOrg | null {
  if (!element) return null;
  const result = {
    ref: attr(element, "ref"),
    type: attr(element, "type"),
    name: narrative(element),
  };
  return result.ref === null && result.name === null ? null : result;
}

function aidTypes(elements: XmlElement[]): IatiAidType[] {
  return elements.flatMap((e) => {
    const code = attr(e, "code");
    return code === null ? [] : [{ code, vocabulary: attr(e, "vocabulary") ?? "1" }];
  });
}

function activityOf(element: XmlElement): IatiActivity {
  const defaultCurrency = attr(element, "default-currency");
  const transactions: IatiTransaction[] = childrenNamed(element, "transaction").map((t, index) => {
    const value = child(t, "value");
    return {
      line: t.line,
      index,
      ref: attr(t, "ref"),
      type: attr(child(t, "transaction-type"), "code"),
      date: isoDate(child(t, "transaction-date")),
      value: value ? value.text.trim() : null,
      currency: attr(value, "currency") ?? defaultCurrency,
      valueDate: attr(value, "value-date"),
      provider: org(child(t, "provider-org")),
      receiver: org(child(t, "receiver-org")),
      aidTypes: aidTypes(childrenNamed(t, "aid-type")),
      description: narrative(child(t, "description")),
    };
  });
  const budgets: IatiBudget[] = childrenNamed(element, "budget").map((b, index) => {
    const value = child(b, "value");
    return {
      line: b.line,
      index,
      type: attr(b, "type") ?? "1",
      status: attr(b, "status") ?? "1",
      periodStart: isoDate(child(b, "period-start")),
      periodEnd: isoDate(child(b, "period-end")),
      value: value ? value.text.trim() : null,
      currency: attr(value, "currency") ?? defaultCurrency,
      valueDate: attr(value, "value-date"),
    };
  });
  return {
    line: element.line,
    identifier: child(element, "iati-identifier")?.text.trim() ?? "",
    defaultCurrency,
    title: narrative(child(element, "title")),
    reportingOrg: org(child(element, "reporting-org")),
    participatingOrgs: childrenNamed(element, "participating-org").flatMap((p) => {
      const o = org(p);
      return o ? [{ ...o, role: attr(p, "role") }] : [];
    }),
    defaultAidTypes: aidTypes(childrenNamed(element, "default-aid-type")),
    recipientCountries: childrenNamed(element, "recipient-country").flatMap(
      (c) => attr(c, "code") ?? [],
    ),
    transactions,
    budgets,
  };
}

/**
 * Reads an IATI activity file (2.0x) into activities with their transactions and budgets,
 * streaming one activity at a time. Unsafe XML (entity declarations) and files that are not
 * IATI activity files are problems, never exceptions.
 * @example const { activities, problems } = await parseIatiXml(fs.createReadStream("activities.xml"), "activities.xml");
 */
export async function parseIatiXml(
  source: ByteSource,
  file: string,
): Promise<{ activities: IatiActivity[]; problems: Problem[]; version: string | null }> {
  const activities: IatiActivity[] = [];
  const problems: Problem[] = [];
  const state: { version: string | null } = { version: null };
  try {
    await readXmlElements(
      source,
      file,
      "iati-activity",
      (root) => {
        if (root.name !== "iati-activities" && root.name !== "iati-activity")
          throw new FileProblemError(
            fileProblem(file, reason("iati_not_activity_file", { root: root.name }), root.line),
          );
        state.version = root.attributes.version ?? null;
      },
      (element) => {
        const activity = activityOf(element);
        if (activity.identifier === "")
          problems.push({
            file,
            line: activity.line,
            column: "iati-identifier",
            value: "",
            ...reasonFields(reason("iati_no_identifier")),
          });
        activities.push(activity);
      },
    );
  } catch (error) {
    if (!(error instanceof FileProblemError)) throw error;
    problems.push(error.problem);
  }
  const version = state.version;
  if (version !== null && !version.startsWith("2."))
    problems.push(fileProblem(file, reason("iati_version", { version }), 1));
  return { activities, problems, version };
}
