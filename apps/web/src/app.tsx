import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, lazy } from "react";
import { Link, Route, Switch, useLocation } from "wouter";
import { Empty, LoadError, Loading } from "./components/states";
import { useLocale } from "./i18n/locale";
import { catalogs } from "./i18n/messages";
import type { Locale } from "./i18n/messages";
import { PortfolioPage } from "./pages/portfolio";
import { SignInPage } from "./pages/sign-in";
import { useTRPC } from "./trpc";
import { isWriter, workspaceNavLabel } from "./workspace/nav";

// Heavier views load on demand, so the first page (sign-in or portfolio) stays small.
const OperationPage = lazy(() => import("./pages/operation"));
const RecordPage = lazy(() => import("./pages/record"));
const AnalyticsPage = lazy(() => import("./pages/analytics"));
const DonorPage = lazy(() => import("./pages/donor"));
const WorkspacePage = lazy(() => import("./pages/workspace"));

function Header() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { locale, setLocale, messages: m } = useLocale();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [location] = useLocation();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => queryClient.resetQueries(),
    }),
  );
  return (
    <header className="app-header">
      <div className="brand-block">
        <Link href="/" className="brand">
          {m.appName}
        </Link>{" "}
        <span className="tagline">{m.tagline}</span>
      </div>
      {me.data && (
        <nav aria-label={m.mainNavigation} className="main-nav">
          <Link href="/" aria-current={location === "/" ? "page" : undefined}>
            {m.navPortfolio}
          </Link>
          {isWriter(me.data) && (
            <Link
              href="/workspace"
              aria-current={location.startsWith("/workspace") ? "page" : undefined}
            >
              {workspaceNavLabel[locale]}
            </Link>
          )}
          <details className="help">
            <summary>{m.navHelp}</summary>
            <p>{m.helpText}</p>
          </details>
        </nav>
      )}
      <div className="header-tools">
        {me.data && (
          <>
            <span className="who">
              {m.signedInAs(me.data.displayName, m.roles[me.data.role] ?? me.data.role)}
              {me.data.role === "reviewer" && <span className="badge">{m.readOnly}</span>}
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
            {(Object.keys(catalogs) as Locale[]).map((l) => (
              <option key={l} value={l} lang={l}>
                {m.languageNames[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

function Routes() {
  const { messages: m } = useLocale();
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <PortfolioPage />
        </Route>
        <Route path="/operations/:code/:view">
          {(params) => <AnalyticsPage code={decodeURIComponent(params.code)} view={params.view} />}
        </Route>
        <Route path="/donors/:code">
          {(params) => <DonorPage code={decodeURIComponent(params.code)} />}
        </Route>
        <Route path="/operations/:code">
          {(params) => <OperationPage code={decodeURIComponent(params.code)} />}
        </Route>
        <Route path="/workspace">
          <WorkspacePage />
        </Route>
        <Route path="/workspace/*">
          <WorkspacePage />
        </Route>
        <Route path="/records/:kind/:id">
          {(params) => <RecordPage kind={params.kind} id={decodeURIComponent(params.id)} />}
        </Route>
        <Route>
          <Empty>{m.notFound}</Empty>
          <Link href="/">{m.backToPortfolio}</Link>
        </Route>
      </Switch>
    </Suspense>
  );
}

/** The shell: who is signed in, the language, and the page for the URL. */
export function App() {
  const trpc = useTRPC();
  const { messages: m } = useLocale();
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <>
      <a href="#main" className="skip-link">
        {m.skipToContent}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {me.isPending ? (
          <Loading />
        ) : me.isError ? (
          <LoadError error={me.error} retry={() => void me.refetch()} />
        ) : me.data ? (
          <Routes />
        ) : (
          <SignInPage />
        )}
      </main>
    </>
  );
}
