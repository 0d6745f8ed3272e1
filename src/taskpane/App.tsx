/**
 * The Outturn task pane: Start (insert the sheets), Position, Checks and Settings. Reaches the workbook only
 * through the WorkbookGateway it is given; the views get their figures and actions as props.
 */
import * as React from "react";
import {
  Body1, Caption1, MessageBar, MessageBarBody, Spinner, Tab, TabList, Title2, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import type { WorkbookGateway } from "../workbook/gateway";
import type { MemoryWorkbook } from "../workbook/memory";
import { periodLabel } from "../model/period";
import { usePane, type LocatorFactory, type View } from "./usePane";
import { checksOf, closedOf, errorChecksOf } from "./pane-state";
import { problems } from "./notices";
import { defaultStartForm } from "./start-form";
import { PositionView } from "./views/PositionView";
import { NoticeBar } from "./views/NoticeBar";
import { ViewBoundary } from "./views/ViewBoundary";
import type { Saver } from "./download";
import type { SelfCheck } from "./excel-wiring";
import { KeptImportChoices } from "./import-choices";
import { ReviewGuard, tabsFor } from "./review";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
    flex: "1 1 320px",
    minWidth: 0,
  },
  /** Beside the preview (outside Excel), the pane and the preview scroll separately, as a task pane beside a sheet does. */
  besidePreview: {
    height: "100vh",
    flexWrap: "nowrap",
    overflow: "hidden",
    "@media (max-width: 760px)": { height: "auto", flexWrap: "wrap", overflow: "visible" },
  },
  paneBeside: {
    flex: "0 0 400px",
    maxWidth: "400px",
    height: "100vh",
    overflowY: "auto",
    "& > *": { flexShrink: 0 },
    "@media (max-width: 760px)": { flex: "1 1 100%", maxWidth: "none", height: "auto", overflowY: "visible" },
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  identity: { color: tokens.colorNeutralForeground2 },
  review: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, cursor: "pointer" },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  preview: {
    flex: "1 1 480px",
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    alignSelf: "stretch",
    height: "100vh",
    overflow: "auto",
    "@media (max-width: 760px)": { height: "auto", borderLeft: "none", borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
});

export interface AppProps {
  gateway: WorkbookGateway;
  /** Set when the pane runs outside Excel on an in-memory preview workbook, which is then shown beside the pane. */
  preview?: MemoryWorkbook;
  /** Debounce of automatic refreshes after workbook changes (ms). */
  refreshDelayMs?: number;
  /** Finds the cell showing an engine check's figure (src/taskpane/locate.ts); without it only checks naming a cell link to it. */
  locate?: LocatorFactory;
  /** How built files are offered (inside Excel: the platform's way, src/excel/download.ts); default a download link. */
  save?: Saver;
  /** Check Excel, inside Excel only (src/excel/self-check.ts), shown under Settings. */
  selfCheck?: SelfCheck;
}

/** The existing-sheets dialog is rarely needed: loaded when it is (keeps Fluent's Dialog out of the first load). */
const ConflictDialog = React.lazy(() => import(/* webpackChunkName: "conflict-dialog" */ "./views/ConflictDialog").then((m) => ({ default: m.ConflictDialog })));

/** The preview workbook is shown only outside Excel: it comes with the preview's gateway (same chunk), never in Excel. */
const PreviewWorkbook = React.lazy(() => import(/* webpackChunkName: "preview-workbook" */ "./views/PreviewWorkbook").then((m) => ({ default: m.PreviewWorkbook })));

/** The settings form (and its validation): loaded when its tab is first opened, keeping start-up in Excel within budget. */
const SettingsView = React.lazy(() => import(/* webpackChunkName: "settings-view" */ "./views/SettingsView").then((m) => ({ default: m.SettingsView })));

/** The quarterly pack (close the period, narrative, slides): loaded when its tab is first opened. */
/** Insert (an empty workbook) and Checks: loaded on first use, like the views below, so start-up in Excel stays small. */
const StartView = React.lazy(() => import(/* webpackChunkName: "start-view" */ "./views/StartView").then((m) => ({ default: m.StartView })));
const ChecksView = React.lazy(() => import(/* webpackChunkName: "checks-view" */ "./views/ChecksView").then((m) => ({ default: m.ChecksView })));

/** Check Excel: loaded with its first showing. */
const SelfCheckView = React.lazy(() => import(/* webpackChunkName: "settings-view" */ "./views/SelfCheckView").then((m) => ({ default: m.SelfCheckView })));

const YearToDate = React.lazy(() => import(/* webpackChunkName: "year-to-date" */ "./views/YearToDate").then((m) => ({ default: m.YearToDate })));
const PackView = React.lazy(() => import(/* webpackChunkName: "pack-view" */ "./views/PackView"));
/** Ledger import (issue 12): the view, the CSV reader and the mapping, loaded when the tab is first opened. */
const ImportView = React.lazy(() => import(/* webpackChunkName: "import-view" */ "./views/ImportView"));
const ReviewView = React.lazy(() => import(/* webpackChunkName: "review-view" */ "./views/ReviewView"));

const TABS: Array<{ view: View; label: string; name: string }> = [
  { view: "position", label: "Position", name: "Position view" },
  { view: "checks", label: "Checks", name: "Checks view" },
  { view: "review", label: "Review", name: "Review view" },
  { view: "pack", label: "Pack", name: "quarterly pack" },
  { view: "settings", label: "Settings", name: "Settings view" },
  { view: "start", label: "Insert", name: "Insert view" },
  { view: "import", label: "Import", name: "Import view" },
];

export function App({ gateway, preview, refreshDelayMs, locate, save, selfCheck }: AppProps): React.JSX.Element {
  const s = useStyles();
  // Review mode (board members): write actions hidden, and the gateway refuses writes while it is on (./review.ts).
  const [reviewing, setReviewing] = React.useState(false);
  const guard = React.useMemo(() => new ReviewGuard(gateway), [gateway]);
  const [state, actions] = usePane(guard.gateway, { delayMs: refreshDelayMs, locate, save });
  const review = (on: boolean) => {
    guard.setReviewing(on);
    setReviewing(on);
    if (on && !tabsFor(true).includes(state.view)) actions.setView("position");
  };
  const tabs = TABS.filter((t) => tabsFor(reviewing).includes(t.view));
  const today = React.useMemo(() => new Date(), []);
  const hasSheets = (state.status?.sheets.length ?? 0) > 0;
  const reading = state.reading;
  const identity = reading?.read.model ?? state.status?.identity ?? null;
  const checks = checksOf(state);
  /** The Import view's files and layout, kept while the pane is open (the view itself is redrawn on each visit). */
  const [importChoices] = React.useState(() => new KeptImportChoices());

  // After an action moves to another view (Insert -> Position), focus goes to that view's heading.
  React.useEffect(() => {
    if (state.focusRequest === 0) return;
    const id = requestAnimationFrame(() => document.getElementById(`${state.view}-heading`)?.focus());
    return () => cancelAnimationFrame(id);
  }, [state.focusRequest, state.view]);

  const start = (
    <React.Suspense fallback={<Spinner size="small" label="Opening Insert…" />}>
      <StartView
        key={identity ? `${identity.organisation}|${identity.financialYear}|${identity.period}` : "new"}
        initial={defaultStartForm(today, identity)}
        existing={state.status?.sheets ?? []}
        busy={Boolean(state.busy.insert)}
        onInsert={(form) => void actions.insert(form)}
      />
    </React.Suspense>
  );

  let panel: React.ReactNode;
  switch (state.view) {
    case "position":
      panel = (
        <PositionView
          summary={reading?.summary ?? null}
          problem={reading?.problem ?? null}
          busy={Boolean(state.busy.recalculate || state.busy.refresh)}
          recalculating={Boolean(state.busy.recalculate)}
          updatedAt={reading?.at ?? null}
          checks={checks}
          selecting={Boolean(state.busy.select)}
          onRecalculate={() => void actions.recalculate()}
          onShowChecks={() => actions.setView("checks")}
          onSelect={(ref) => void actions.selectCell(ref)}
        />
      );
      if (reading?.position) {
        panel = (
          <>
            {panel}
            <React.Suspense fallback={<Spinner size="small" label="Opening the year to date…" />}>
              <YearToDate
                position={reading.position}
                incomplete={errorChecksOf(state).length > 0}
                take={reviewing ? undefined : {
                  busy: { take: Boolean(state.busy.take), undo: Boolean(state.busy.undoTake) },
                  canUndo: state.lastTake !== null,
                  onTake: actions.takeProjections,
                  onUndo: () => void actions.undoTake(),
                }}
              />
            </React.Suspense>
          </>
        );
      }
      break;
    case "checks":
      panel = (
        <React.Suspense fallback={<Spinner size="small" label="Opening the checks…" />}>
          <ChecksView items={checks} selecting={Boolean(state.busy.select)} onSelect={(ref) => void actions.selectCell(ref)} />
        </React.Suspense>
      );
      break;
    case "review":
      panel = (
        <React.Suspense fallback={<Spinner size="small" label="Opening the review…" />}>
          <ReviewView
            model={reading?.read.model ?? null}
            signoff={reading?.read.signoff ?? null}
            actions={reading?.read.actions ?? null}
            locate={reading?.read.locate ?? null}
            signOff={{ errorCount: errorChecksOf(state).length, action: reviewing ? null : { busy: Boolean(state.busy.signoff), onSignOff: actions.signOff } }}
          />
        </React.Suspense>
      );
      break;
    case "pack":
      panel = (
        <React.Suspense fallback={<Spinner size="small" label="Opening the quarterly pack…" />}>
        <PackView
          period={reading?.read.model?.period ?? null}
          closed={closedOf(state)}
          position={reading?.position ?? null}
          errorCount={errorChecksOf(state).length}
          busy={{ close: Boolean(state.busy.close), reopen: Boolean(state.busy.reopen), slides: Boolean(state.busy.slides) }}
          onClose={() => void actions.closePeriod()}
          onReopen={(p) => void actions.reopenPeriod(p)}
          onDownloadSlides={() => void actions.downloadSlides()}
        />
        </React.Suspense>
      );
      break;
    case "settings":
      panel = (
        <React.Suspense fallback={<Spinner size="small" label="Opening the settings…" />}>
          <SettingsView settings={state.settings} units={state.units} saving={Boolean(state.busy.save)} onSave={actions.saveSettings} />
          {selfCheck && <SelfCheckView run={selfCheck.run} toText={selfCheck.toText} />}
        </React.Suspense>
      );
      break;
    case "import":
      panel = (
        <React.Suspense fallback={<Spinner size="small" label="Opening Import…" />}>
          <ImportView
            model={reading?.read.model ?? null}
            lastImport={state.lastImport}
            busy={{ apply: Boolean(state.busy.import), undo: Boolean(state.busy.undoImport) }}
            onApply={actions.importLedger}
            onUndo={() => void actions.undoImport()}
            onShowPosition={() => actions.setView("position")}
            kept={importChoices}
            ledgerSheet={reading?.read.ledgerSheet ?? null}
            onSaveSetup={actions.saveLedgerSetup}
            savingSetup={Boolean(state.busy.saveSetup)}
          />
        </React.Suspense>
      );
      break;
    default:
      panel = start;
  }

  return (
    <div className={preview ? mergeClasses(s.shell, s.besidePreview) : s.shell} data-testid="shell">
      <main className={preview ? mergeClasses(s.pane, s.paneBeside) : s.pane} aria-labelledby="outturn-title">
        <header className={s.header}>
          <Title2 as="h1" block id="outturn-title" style={{ margin: 0 }}>
            Outturn
          </Title2>
          <Caption1 className={s.identity}>
            {identity ? `${identity.organisation}, ${identity.financialYear} ${periodLabel(identity.period)} (amounts in ${identity.units})` : "Quarterly financial monitoring"}
          </Caption1>
          {hasSheets && (
            <label className={s.review}>
              <input type="checkbox" checked={reviewing} onChange={(e) => review(e.target.checked)} data-testid="review-mode" />
              <Caption1>Review mode (board): read only, nothing in the workbook changes</Caption1>
            </label>
          )}
        </header>
        {preview && (
          <MessageBar intent="info" layout="multiline" data-testid="preview-notice">
            <MessageBarBody>
              Not running in Excel: this is a preview workbook held in this page. Open Outturn from Excel to work on a real workbook.
            </MessageBarBody>
          </MessageBar>
        )}
        {state.notice && <NoticeBar notice={state.notice} onDismiss={actions.dismissNotice} />}
        {state.loading ? (
          <Spinner size="small" label="Reading the workbook…" />
        ) : hasSheets ? (
          <>
            <TabList className={s.tabs} size="small" selectedValue={state.view} onTabSelect={(_, d) => actions.setView(d.value as View)} aria-label="Views">
              {tabs.map((t) => (
                <Tab key={t.view} value={t.view} id={`tab-${t.view}`} aria-controls="panel">
                  {t.view === "checks" && checks.length > 0 ? `${t.label} (${checks.length})` : t.label}
                </Tab>
              ))}
            </TabList>
            <div className={s.panel} role="tabpanel" id="panel" aria-labelledby={`tab-${state.view}`}>
              {/* One boundary per view (keyed, so another tab starts afresh); a new reading draws a failed view again. */}
              <ViewBoundary key={state.view} name={TABS.find((t) => t.view === state.view)?.name ?? "view"} resetKey={reading?.at}>
                {panel}
              </ViewBoundary>
            </div>
          </>
        ) : (
          <>
            <ViewBoundary name="Insert view">{start}</ViewBoundary>
            {/* Inside Excel, Check Excel is there before any sheet is inserted too: IT proves Outturn on a new workbook. */}
            {selfCheck && !state.loading && (
              <ViewBoundary name="Check Excel">
                <React.Suspense fallback={<Spinner size="small" label="Opening Check Excel…" />}>
                  <SelfCheckView run={selfCheck.run} toText={selfCheck.toText} />
                </React.Suspense>
              </ViewBoundary>
            )}
          </>
        )}
        {!state.loading && !hasSheets && state.notice?.intent === "error" && <Body1 as="p">{problems.noSheetsAfterError}</Body1>}
        {state.conflict && (
          <ViewBoundary name="existing-sheets question">
            <React.Suspense fallback={<Spinner size="small" label="Some sheets exist already…" />}>
              <ConflictDialog existing={state.conflict.existing} busy={Boolean(state.busy.insert)} onChoose={(c) => void actions.resolveConflict(c)} />
            </React.Suspense>
          </ViewBoundary>
        )}
      </main>
      {preview && (
        <aside className={s.preview} aria-labelledby="preview-heading">
          <ViewBoundary name="preview workbook">
            <React.Suspense fallback={<Spinner size="small" label="Opening the preview workbook…" />}>
              <PreviewWorkbook workbook={preview} />
            </React.Suspense>
          </ViewBoundary>
        </aside>
      )}
    </div>
  );
}

export default App;
