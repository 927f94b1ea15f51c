// The finance officer's workspace (lazy-loaded): contributions, paste, import, audit log.
import { Link, Route, Switch, useLocation } from "wouter";
import { Empty } from "../components/states";
import { useLocale } from "../i18n/locale";
import { AuditLog } from "../workspace/audit";
import { FlowEditor, FlowsTable } from "../workspace/flows";
import { useWs } from "../workspace/messages";
import "../workspace/workspace.css";
import { PasteRows } from "../workspace/paste";
import { ImportWizard } from "../workspace/import-wizard";
import { RatesEditor } from "../workspace/rates";

export default function WorkspacePage() {
  const w = useWs();
  const { messages: m } = useLocale();
  const [location] = useLocation();
  const tabs: [string, string][] = [
    ["/workspace", w.tabFlows],
    ["/workspace/paste", w.tabPaste],
    ["/workspace/import", w.tabImport],
    ["/workspace/rates", w.tabRates],
    ["/workspace/audit", w.tabAudit],
  ];
  return (
    <div className="workspace">
      <h1>{w.workspaceTitle}</h1>
      <nav aria-label={w.workspaceNav} className="ws-tabs">
        {tabs.map(([href, label]) => (
          <Link
            key={href}
            href={href}
            aria-current={
              location === href ||
              (href === "/workspace" && location.startsWith("/workspace/flows"))
                ? "page"
                : undefined
            }
          >
            {label}
          </Link>
        ))}
      </nav>
      <Switch>
        <Route path="/workspace">
          <FlowsTable />
        </Route>
        <Route path="/workspace/flows/:id">
          {(params) =>
            /^\d+$/.test(params.id) ? (
              <FlowEditor id={Number(params.id)} />
            ) : (
              <Empty>{m.notFound}</Empty>
            )
          }
        </Route>
        <Route path="/workspace/paste">
          <PasteRows />
        </Route>
        <Route path="/workspace/import">
          <ImportWizard />
        </Route>
        <Route path="/workspace/rates">
          <RatesEditor />
        </Route>
        <Route path="/workspace/audit">
          <AuditLog />
        </Route>
        <Route>
          <Empty>{m.notFound}</Empty>
        </Route>
      </Switch>
    </div>
  );
}
