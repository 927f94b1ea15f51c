import { useLocale } from "./i18n/locale";
import type { Locale } from "./i18n/messages";
import { OperationGapsPage } from "./pages/operation-gaps";

export function App() {
  const { locale, setLocale, messages: m } = useLocale();
  return (
    <>
      <header className="app-header">
        <div>
          <span className="brand">{m.appName}</span> <span className="tagline">{m.tagline}</span>
        </div>
        <label>
          {m.language}{" "}
          <select
            value={locale}
            onChange={(e) => {
              setLocale(e.target.value as Locale);
            }}
          >
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
      </header>
      <main>
        <OperationGapsPage operation="MINUSCA" />
      </main>
    </>
  );
}
