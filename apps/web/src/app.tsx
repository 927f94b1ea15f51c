import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale } from "./i18n/locale";
import type { Locale } from "./i18n/messages";
import { OperationGapsPage } from "./pages/operation-gaps";
import { SignInPage } from "./pages/sign-in";
import { useTRPC } from "./trpc";

export function App() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { locale, setLocale, messages: m } = useLocale();
  const me = useQuery(trpc.auth.me.queryOptions());
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => queryClient.resetQueries(),
    }),
  );
  return (
    <>
      <header className="app-header">
        <div>
          <span className="brand">{m.appName}</span> <span className="tagline">{m.tagline}</span>
        </div>
        <div className="header-tools">
          {me.data && (
            <>
              <span>
                {m.signedInAs(me.data.displayName, m.roles[me.data.role] ?? me.data.role)}
              </span>
              <button
                type="button"
                onClick={() => {
                  logout.mutate();
                }}
              >
                {m.signOut}
              </button>
            </>
          )}
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
        </div>
      </header>
      <main>
        {me.isPending ? (
          <p role="status">{m.loading}</p>
        ) : me.data ? (
          <OperationGapsPage operation="MINUSCA" />
        ) : (
          <SignInPage />
        )}
      </main>
    </>
  );
}
