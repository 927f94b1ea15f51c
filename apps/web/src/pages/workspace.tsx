// The finance officer's workspace (lazy-loaded): contributions, budget lines, mandates,
// crosswalks, paste, import, rates, audit log.
import type { ReactNode } from "react";
import { Link, Route, Switch, useLocation } from "wouter";
import { Empty } from "../components/states";
import { useLocale } from "../i18n/locale";
import { AuditLog } from "../workspace/audit";
import { CrosswalkEditor } from "../workspace/crosswalk-editor";
import { NewFlow } from "../workspace/flow-create";
import { FlowEditor } from "../workspace/flow-editor";
import { FlowsTable } from "../workspace/flows-table";
import { ImportWizard } from "../workspace/import-wizard";
import { MandatesEditor } from "../workspace/mandates-editor";
import { useWs } from "../workspace/messages";
import { PasteRows } from "../workspace/paste";
import { RatesEditor } from "../workspace/rates";
import { NewRequirement } from "../workspace/requirement-create";
import { RequirementEditor } from "../workspace/requirement-editor";
import { RequirementsTable } from "../workspace/requirements-table";
import "../workspace/workspace.css";

/** A record page whose id must be a number. */
function ById({ id, render }: { id: string; render: (id: number) => ReactNode }) {
  const { messages: m } = useLocale();
  return /^\d+$/.test(id) ? render(Number(id)) : <Empty>{m.notFound}</Empty>;
}

export default function WorkspacePage() {
  const w = useWs();
  const { messages: m } = useLocale();
  const [location] = useLocation();
  // Each tab, and the record pages that belong to it.
  const tabs: [string, string, string | null][] = [
    ["/workspace", w.tabFlows, "/workspace/flows"],
    ["/workspace/requirements", w.tabRequirements, "/workspace/requirements/"],
    ["/workspace/mandates", w.tabMandates, null],
    ["/workspace/crosswalks", w.tabCrosswalks, null],
    ["/workspace/paste", w.tabPaste, null],
    ["/workspace/import", w.tabImport, null],
    ["/workspace/rates", w.tabRates, null],
    ["/workspace/audit", w.tabAudit, null],
  ];
  return (
    <div className="workspace">
      <h1>{w.workspaceTitle}</h1>
      <nav aria-label={w.workspaceNav} className="ws-tabs">
        {tabs.map(([href, label, records]) => (
          <Link
            key={href}
            href={href}
            aria-current={
              location === href || (records !== null && location.startsWith(records))
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
        <Route path="/workspace/flows/new">
          <NewFlow />
        </Route>
        <Route path="/workspace/flows/:id">
          {(params) => <ById id={params.id} render={(id) => <FlowEditor id={id} />} />}
        </Route>
        <Route path="/workspace/requirements">
          <RequirementsTable />
        </Route>
        <Route path="/workspace/requirements/new">
          <NewRequirement />
        </Route>
        <Route path="/workspace/requirements/:id">
          {(params) => <ById id={params.id} render={(id) => <RequirementEditor id={id} />} />}
        </Route>
        <Route path="/workspace/mandates">
          <MandatesEditor />
        </Route>
        <Route path="/workspace/crosswalks">
          <CrosswalkEditor />
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
