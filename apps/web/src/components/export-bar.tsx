import { useState } from "react";
import type { RefObject } from "react";
import { toCsv } from "../export/csv";
import { downloadBlob, downloadPng, downloadSvg } from "../export/download";
import { safeFileName } from "../export/table-data";
import type { ExportTable } from "../export/table-data";
import { useLocale } from "../i18n/locale";

/**
 * A chart drawn elsewhere than in an <svg> on the page (the heatmap's canvas): it builds its own
 * SVG document and PNG, which may take a moment for a large grid.
 */
export interface ImageExport {
  svg: () => Promise<string>;
  png: () => Promise<Blob>;
}

/** Export buttons for one view: its chart (SVG, PNG), its table (CSV, XLSX), print and link. */
export function ExportBar({
  chart,
  image,
  table,
  label,
  withPrint = false,
}: {
  chart?: RefObject<SVGSVGElement | null>;
  image?: ImageExport;
  table: () => ExportTable;
  label: string;
  withPrint?: boolean;
}) {
  const { messages: m } = useLocale();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  // The page stays usable while the image is built (it hands the thread back between batches);
  // the buttons wait, and the status says so.
  const build = (action: () => Promise<void>) => () => {
    setBusy(true);
    setStatus(m.exportPreparing);
    action()
      .then(() => {
        setStatus(m.exportReady);
      })
      .catch(() => {
        setStatus(m.exportFailed);
      })
      .finally(() => {
        setBusy(false);
      });
  };
  const run = (action: () => void | Promise<void>) => () => {
    setStatus("");
    Promise.resolve()
      .then(action)
      .catch(() => {
        setStatus(m.exportFailed);
      });
  };
  const base = () => safeFileName(table().name);
  return (
    <div className="export-bar" role="group" aria-label={label}>
      {chart && (
        <>
          <button
            type="button"
            onClick={run(() => {
              if (chart.current) downloadSvg(chart.current, `${base()}.svg`);
            })}
          >
            {m.downloadSvg}
          </button>
          <button
            type="button"
            onClick={run(async () => {
              if (chart.current) await downloadPng(chart.current, `${base()}.png`);
            })}
          >
            {m.downloadPng}
          </button>
        </>
      )}
      {image && (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={build(async () => {
              const svg = await image.svg();
              downloadBlob(new Blob([svg], { type: "image/svg+xml" }), `${base()}.svg`);
            })}
          >
            {m.downloadSvg}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={build(async () => {
              downloadBlob(await image.png(), `${base()}.png`);
            })}
          >
            {m.downloadPng}
          </button>
        </>
      )}
      <button
        type="button"
        onClick={run(() => {
          downloadBlob(
            new Blob(["\uFEFF", toCsv(table())], { type: "text/csv;charset=utf-8" }),
            `${base()}.csv`,
          );
        })}
      >
        {m.downloadCsv}
      </button>
      <button
        type="button"
        onClick={run(async () => {
          const { toXlsx } = await import("../export/xlsx");
          const bytes = toXlsx(table());
          downloadBlob(
            new Blob([bytes.slice().buffer], {
              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }),
            `${base()}.xlsx`,
          );
        })}
      >
        {m.downloadXlsx}
      </button>
      {withPrint && (
        <>
          <button
            type="button"
            onClick={() => {
              window.print();
            }}
          >
            {m.print}
          </button>
          <button
            type="button"
            onClick={run(async () => {
              await navigator.clipboard.writeText(window.location.href);
              setStatus(m.linkCopied);
            })}
          >
            {m.copyLink}
          </button>
        </>
      )}
      <span role="status" className="export-status" aria-busy={busy}>
        {status}
      </span>
    </div>
  );
}
