import { createContext, use, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { catalogs } from "./messages";
import type { Locale, Messages } from "./messages";

const STORAGE_KEY = "coherence.locale";

interface LocaleState {
  locale: Locale;
  intlLocale: string;
  messages: Messages;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "fr") return stored;
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** The interface language: chosen once, remembered in this browser, defaulting to the browser's. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = catalogs[locale].appName;
  }, [locale]);
  const setLocale = (next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  };
  const value: LocaleState = {
    locale,
    intlLocale: locale === "fr" ? "fr-FR" : "en-US",
    messages: catalogs[locale],
    setLocale,
  };
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocale(): LocaleState {
  const state = use(LocaleContext);
  if (!state) throw new Error("useLocale outside LocaleProvider");
  return state;
}
