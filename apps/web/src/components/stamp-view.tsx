import { useLocale } from "../i18n/locale";
import { stampEntries } from "./stamp";
import type { StampInput } from "./stamp";

/** The as-of time, rates in force, period and filters, printed with every view. */
export function Stamp(props: StampInput) {
  const { messages: m, intlLocale } = useLocale();
  return (
    <dl className="stamp" data-testid="stamp">
      {stampEntries(props, m, intlLocale).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
