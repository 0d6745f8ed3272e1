/**
 * Import (issue 12): the month's actuals and budgets from the finance system's export. Choose the export (CSV or
 * .xlsx, read in the pane: nothing leaves the machine), say how it is laid out (a preset, a profile file, or set up
 * from the file's own header with its first rows shown), choose the mapping of its codes to the report's lines, then
 * preview: every cell that would change (old → new, with the rows added up into it), every unmapped code with its
 * total and rows, every rejected row by number with what was wrong. Apply writes only those cells; Undo writes the
 * previous figures back. The layout and mapping can be kept in the workbook (its Ledger mapping sheet), and are then
 * offered first: set up once. Loaded when the tab is first opened.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MonitoringPeriod } from "../../model/types";
import { CHANGE_COLUMN_WORDS, type LineChange } from "../../ledger/apply";
import { PROFILE_COLUMNS, type ProfileColumn } from "../../ledger/profile";
import type { LastImport } from "../pane-state";
import type { LedgerSetup, SaveSetupMode, SaveSetupResult } from "../../workbook/gateway";
import type { GridSheet } from "../../plans/grid";
import { readLedgerSetup } from "../../plans/sheets/mapping/read";
import {
  type ChosenFile, type ImportPreview, type ImportProfile, type LedgerTable, type MappingRule, type Progress, PRESETS, chosen, fileProblem, headerGuess, headerTexts,
  ledgerTable, mappingOfFile, previewStepped, profileFit, profileOfFile, sampleRows,
} from "../import-setup";
import { ViewHeading } from "./ViewHeading";
import type { KeptImportChoices } from "../import-choices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  // minWidth 0: a fieldset is otherwise as wide as its widest content (a long file name, a wide sample), pushing the pane sideways.
  step: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: tokens.spacingHorizontalM, minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  file: { fontSize: tokens.fontSizeBase300, maxWidth: "100%" },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, whiteSpace: "nowrap" },
  num: { textAlign: "right" },
  lineCell: { whiteSpace: "normal", fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere" },
  /** The changes: the line's column takes what the figures leave, wrapping, so the table fits the task pane. */
  fixed: { tableLayout: "fixed" },
  /** A drop-down as narrow as its column allows (a native select is otherwise as wide as its longest option). */
  select: { minWidth: 0, width: "100%", "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  column: { display: "block", color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  heading: { margin: 0 },
});

export interface ImportViewProps {
  /** The period as last read from the workbook; null when it cannot be read (nothing can be imported then). */
  model: MonitoringPeriod | null;
  lastImport: LastImport | null;
  busy: { apply: boolean; undo: boolean };
  onApply: (file: string, changes: readonly LineChange[]) => Promise<boolean>;
  onUndo: () => void;
  onShowPosition: () => void;
  /** Where the files and layout chosen are kept while the pane is open, so a visit to another tab does not lose them. */
  kept?: KeptImportChoices;
  /** The workbook's Ledger mapping sheet (the profile and mapping it keeps), as last read; null without the sheet. */
  ledgerSheet?: GridSheet | null;
  /** Keeps a profile and mapping in the workbook ("exists", nothing written, when it keeps some and mode is "ask"). */
  onSaveSetup?: (setup: LedgerSetup, mode: SaveSetupMode) => Promise<SaveSetupResult | undefined>;
  savingSetup?: boolean;
}

/** The files and layout chosen in the view. */
export interface ImportChoices {
  ledger: Loaded<LedgerTable>;
  mapping: Loaded<MappingRule[]>;
  choice: string;
  fromFile: Loaded<ImportProfile>;
  custom: ImportProfile;
  /** The mapping from the workbook's sheet or a file. */
  mappingSource: "workbook" | "file";
}

/** A chosen file read into something, or why it could not be. */
export type Loaded<T> = { name: string; value: T } | { name: string; problem: string } | null;

const CUSTOM = "custom";
const FROM_FILE = "file";
const WORKBOOK = "workbook";
const money = (d: { toFixed(n: number): string; isNegative(): boolean; abs(): { toFixed(n: number): string } }) =>
  `${d.isNegative() ? "−" : ""}£${d.abs().toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
const figure = (d: { toFixed(): string } | null) => (d === null ? "blank" : d.toFixed().replace(/\B(?=(\d{3})+(?!\d))/g, ","));
const rowsWord = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

async function load<T>(file: File | undefined, read: (f: ChosenFile) => Promise<T> | T): Promise<Loaded<T>> {
  if (!file) return null;
  try {
    return { name: file.name, value: await read(await chosen(file)) };
  } catch (e) {
    return { name: file.name, problem: fileProblem(e) };
  }
}

export function ImportView({ model, lastImport, busy, onApply, onUndo, onShowPosition, kept, ledgerSheet = null, onSaveSetup, savingSetup = false }: ImportViewProps): React.JSX.Element {
  const s = useStyles();
  // Read here, in the Import view's chunk, rather than with the period (the pane's start-up).
  const workbookSetup = React.useMemo(() => (ledgerSheet ? readLedgerSetup(ledgerSheet, model) : null), [ledgerSheet, model]);
  const [earlier] = React.useState(() => kept?.get() ?? null);
  const usable = workbookSetup && workbookSetup.problems.length === 0 ? workbookSetup : null;
  const [ledger, setLedger] = React.useState<Loaded<LedgerTable>>(earlier?.ledger ?? null);
  const [mapping, setMapping] = React.useState<Loaded<MappingRule[]>>(earlier?.mapping ?? null);
  // What the workbook keeps is offered first: set up once, then used each month.
  const [choice, setChoice] = React.useState<string>(earlier?.choice ?? (usable?.profile ? WORKBOOK : "debit-credit"));
  const [mappingSource, setMappingSource] = React.useState<"workbook" | "file">(earlier?.mappingSource ?? (usable?.rules.length ? "workbook" : "file"));
  /** Saving into a workbook that keeps a setup already: what it keeps, until the user says replace or keep. */
  const [asking, setAsking] = React.useState<Extract<SaveSetupResult, { status: "exists" }> | null>(null);
  const [fromFile, setFromFile] = React.useState<Loaded<ImportProfile>>(earlier?.fromFile ?? null);
  const [custom, setCustom] = React.useState<ImportProfile>(() => earlier?.custom ?? { ...PRESETS["debit-credit"]!.profile, name: "set up in the pane", columns: {} });
  React.useEffect(() => {
    kept?.keep({ ledger, mapping, choice, fromFile, custom, mappingSource });
  }, [kept, ledger, mapping, choice, fromFile, custom, mappingSource]);
  /** A large file being read or previewed: what, and how far (the pane stays responsive meanwhile). */
  const [working, setWorking] = React.useState<{ what: "read" | "preview"; progress: Progress | null } | null>(null);
  /** The last preview, and the period it was made against. */
  const [previewed, setPreview] = React.useState<{ of: MonitoringPeriod | null; shown: { result: ImportPreview; file: string } | { problem: string } } | null>(null);
  const previewRef = React.useRef<HTMLDivElement>(null);

  // A preview is of the workbook as read: once it is read again (after an apply, an undo or an edit), preview again.
  const preview = previewed && previewed.of === model ? previewed.shown : null;

  const table = ledger && "value" in ledger ? ledger.value : null;
  const profile: ImportProfile | null = choice === CUSTOM ? custom : choice === FROM_FILE ? (fromFile && "value" in fromFile ? fromFile.value : null)
    : choice === WORKBOOK ? usable?.profile ?? null : PRESETS[choice]?.profile ?? null;
  const fit = table && profile ? profileFit(profile, table) : [];
  const header = React.useMemo(() => (table ? headerGuess(table) : 0), [table]);
  const rules = mappingSource === WORKBOOK ? (usable?.rules.length ? usable.rules : null) : mapping && "value" in mapping ? mapping.value : null;
  // What would be kept in the workbook: the layout and mapping as chosen, unless both are the workbook's already.
  const savable = Boolean(onSaveSetup && model && profile && rules && (table ? fit.length === 0 : true) && !(choice === WORKBOOK && mappingSource === WORKBOOK));
  const saveSetup = async (mode: SaveSetupMode) => {
    if (!onSaveSetup || !profile || !rules) return;
    const result = await onSaveSetup({ profile, rules }, mode);
    setAsking(result?.status === "exists" ? result : null);
    if (result?.status === "saved") {
      setChoice(WORKBOOK);
      setMappingSource(WORKBOOK);
    }
  };

  const chooseLedger = async (file: File | undefined) => {
    setWorking({ what: "read", progress: null });
    setPreview(null);
    const loaded = await load(file, (f) => ledgerTable(f, { delimiter: profile?.delimiter, sheet: profile?.sheet }, (progress) => setWorking({ what: "read", progress })));
    setLedger(loaded);
    setWorking(null);
    // A file none of the presets fits is set up from its own header.
    if (loaded && "value" in loaded && profile && profileFit(profile, loaded.value).length > 0) {
      const fitting = Object.entries(PRESETS).find(([, p]) => profileFit(p.profile, loaded.value).length === 0);
      if (fitting) setChoice(fitting[0]);
    }
  };

  const setColumn = (column: ProfileColumn, text: string) => {
    setPreview(null);
    setCustom((p) => {
      const columns = { ...p.columns };
      if (text) columns[column] = text;
      else delete columns[column];
      return { ...p, columns };
    });
  };
  const setOption = <K extends "layout" | "signs" | "actuals" | "budget">(key: K, value: ImportProfile[K]) => {
    setPreview(null);
    setCustom((p) => ({ ...p, [key]: value }));
  };
  const startCustom = () => {
    setPreview(null);
    // From what was chosen before, keeping the columns this file has.
    const names = table ? headerTexts(table, header).map((h) => h.toLowerCase()) : [];
    const base = profile ?? custom;
    const columns = Object.fromEntries(Object.entries(base.columns).filter(([, v]) => names.includes(v.toLowerCase())));
    setCustom({ ...base, name: "set up in the pane", columns });
    setChoice(CUSTOM);
  };

  const runPreview = async () => {
    if (!table || !profile || !rules || !model || !ledger || working) return;
    setWorking({ what: "preview", progress: null });
    try {
      const result = await previewStepped(table, profile, rules, model, (progress) => setWorking({ what: "preview", progress }));
      setPreview({ of: model, shown: { result, file: ledger.name } });
    } catch (e) {
      setPreview({ of: model, shown: { problem: fileProblem(e) } });
    } finally {
      setWorking(null);
    }
    requestAnimationFrame(() => previewRef.current?.focus());
  };

  const ready = Boolean(table && profile && fit.length === 0 && rules && model);
  const p = preview && "result" in preview ? preview.result : null;

  return (
    <section className={s.root} aria-labelledby="import-heading">
      <ViewHeading id="import-heading">Import the ledger</ViewHeading>
      <Body1 as="p" className={s.note}>
        Reads the finance system&apos;s export in this pane (nothing is uploaded), maps its codes to the report&apos;s lines and writes the actual to
        date (and budgets, where the export has them) into their input cells. Forecasts and commentary are never touched.
      </Body1>
      {!model && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The workbook cannot be read into a period yet (see Checks), so there are no lines to import into.</MessageBarBody>
        </MessageBar>
      )}

      {lastImport && (
        <div className={s.step} data-testid="last-import">
          <Subtitle2 as="h3" className={s.heading}>Last import</Subtitle2>
          <Body1 as="p" className={s.note}>{`${lastImport.written.length} ${lastImport.written.length === 1 ? "figure" : "figures"} from ${lastImport.file} were written (${lastImport.written.slice(0, 4).join(", ")}${lastImport.written.length > 4 ? "…" : ""}).`}</Body1>
          <div className={s.actions}>
            <Button onClick={onUndo} disabledFocusable={busy.undo} icon={busy.undo ? <Spinner size="extra-tiny" /> : undefined}>{busy.undo ? "Undoing…" : "Undo the import"}</Button>
            <Button appearance="subtle" onClick={onShowPosition}>Show the Position</Button>
          </div>
        </div>
      )}

      <fieldset className={s.step}>
        <legend className={s.legend}>1. The export</legend>
        <label htmlFor="import-ledger-file"><Body1>Ledger export (CSV, text or .xlsx)</Body1></label>
        <input id="import-ledger-file" className={s.file} type="file" accept=".csv,.txt,.tsv,.xlsx" onChange={(e) => void chooseLedger(e.target.files?.[0])} />
        {working?.what === "read" && <Working label="Reading the file" progress={working.progress} unit="characters" />}
        {ledger && "problem" in ledger && <Problem title={`${ledger.name} cannot be read`} lines={[ledger.problem]} />}
        {table && <Caption1>{`${table.file}: ${table.rows.length} rows${table.encoding ? `, ${table.encoding}` : ""}${table.delimiter ? `, delimited by ${table.delimiter === "\t" ? "tabs" : `"${table.delimiter}"`}` : ""}${table.sheet ? `, sheet "${table.sheet}"` : ""}.`}</Caption1>}
      </fieldset>

      <fieldset className={s.step}>
        <legend className={s.legend}>2. How the export is laid out</legend>
        <Field label="Layout (profile)">
          <Select id="import-profile" className={s.select} value={choice} onChange={(_, d) => { setPreview(null); if (d.value === CUSTOM) startCustom(); else setChoice(d.value); }}>
            {usable?.profile && <option value={WORKBOOK}>{`The workbook's (${usable.sheet} sheet: ${usable.profile.name})`}</option>}
            {Object.entries(PRESETS).map(([key, preset]) => (
              <option key={key} value={key}>{`${key} (${/\(([^)]*)\)\.?$/.exec(preset.about)?.[1] ?? preset.about})`}</option>
            ))}
            <option value={FROM_FILE}>A profile file (JSON)…</option>
            <option value={CUSTOM}>Set up from the file&apos;s columns</option>
          </Select>
        </Field>
        {choice === FROM_FILE && (
          <>
            <label htmlFor="import-profile-file"><Body1>Profile (JSON, as for outturn import --profile)</Body1></label>
            <input id="import-profile-file" className={s.file} type="file" accept=".json" onChange={(e) => void load(e.target.files?.[0], profileOfFile).then((l) => { setPreview(null); setFromFile(l); })} />
            {fromFile && "problem" in fromFile && <Problem title={`${fromFile.name} cannot be used`} lines={[fromFile.problem]} />}
          </>
        )}
        {choice === CUSTOM && table && <ProfileSetup table={table} header={header} profile={custom} onColumn={setColumn} onOption={setOption} />}
        {choice === CUSTOM && !table && <Body1 as="p" className={s.note}>Choose the export first: its columns are picked from its header row.</Body1>}
        {table && profile && fit.length > 0 && (
          <Problem title="The layout does not fit this file" lines={fit}>
            {choice !== CUSTOM && <Button size="small" onClick={startCustom}>Set up from the file&apos;s columns</Button>}
          </Problem>
        )}
      </fieldset>

      <fieldset className={s.step}>
        <legend className={s.legend}>3. The mapping of codes to lines</legend>
        {usable && usable.rules.length > 0 && (
          <Field label="Mapping">
            <Select id="import-mapping-source" className={s.select} value={mappingSource} onChange={(_, d) => { setPreview(null); setMappingSource(d.value as "workbook" | "file"); }}>
              <option value={WORKBOOK}>{`The workbook's (${usable.sheet} sheet, ${usable.rules.length} ${usable.rules.length === 1 ? "rule" : "rules"})`}</option>
              <option value="file">A mapping file…</option>
            </Select>
          </Field>
        )}
        {mappingSource === "file" && (
          <>
            <label htmlFor="import-mapping-file"><Body1>Mapping (JSON, or a sheet saved as CSV or .xlsx: Cost Centre, Account, Line, Flip)</Body1></label>
            <input id="import-mapping-file" className={s.file} type="file" accept=".json,.csv,.txt,.xlsx" onChange={(e) => void load(e.target.files?.[0], mappingOfFile).then((l) => { setPreview(null); setMapping(l); })} />
            {mapping && "problem" in mapping && <Problem title={`${mapping.name} cannot be used`} lines={[mapping.problem]} />}
            {rules && <Caption1>{`${rules.length} ${rules.length === 1 ? "rule" : "rules"} from ${mapping!.name}.`}</Caption1>}
          </>
        )}
        {workbookSetup && workbookSetup.problems.length > 0 && (
          <Problem title={`The ${workbookSetup.sheet} sheet cannot be used until these are corrected`} lines={workbookSetup.problems} />
        )}
        {savable && (
          <div className={s.actions}>
            <Button data-testid="save-setup" onClick={() => void saveSetup("ask")} disabledFocusable={savingSetup} icon={savingSetup ? <Spinner size="extra-tiny" /> : undefined}>
              {savingSetup ? "Saving…" : "Keep this layout and mapping in the workbook"}
            </Button>
          </div>
        )}
        {asking && (
          <MessageBar intent="warning" layout="multiline" data-testid="setup-exists">
            <MessageBarBody>
              <MessageBarTitle>The workbook keeps a setup already</MessageBarTitle>
              {`The ${asking.sheet} sheet holds ${asking.profile ? "a layout and " : ""}${asking.rules} mapping ${asking.rules === 1 ? "rule" : "rules"}, perhaps changed by hand. Replace them with the ones chosen here?`}
              <div className={s.actions}>
                <Button size="small" onClick={() => void saveSetup("replace")}>Replace them</Button>
                <Button size="small" appearance="subtle" onClick={() => setAsking(null)}>Keep the workbook&apos;s</Button>
              </div>
            </MessageBarBody>
          </MessageBar>
        )}
      </fieldset>

      <div className={s.actions}>
        <Button appearance="primary" disabled={!ready} disabledFocusable={working !== null} onClick={() => void runPreview()}>Preview</Button>
        {!ready && <Caption1>{!table ? "Choose the export." : !profile || fit.length ? "Set the layout." : !rules ? "Choose the mapping." : !model ? "The workbook cannot be read yet." : ""}</Caption1>}
      </div>

      {working?.what === "preview" && <Working label="Reading the rows" progress={working.progress} unit="rows" />}
      <div ref={previewRef} tabIndex={-1} aria-live="polite" style={{ outline: "none" }}>
        {preview && "problem" in preview && <Problem title="No preview" lines={[preview.problem]} />}
        {p && preview && "file" in preview && (
          <PreviewPanel preview={p} busy={busy.apply} onApply={() => void onApply(preview.file, p.changes)} />
        )}
      </div>
    </section>
  );
}

/** Progress through a large file: a bar and how far, in words. */
function Working({ label, progress, unit }: { label: string; progress: Progress | null; unit: string }): React.JSX.Element {
  const n = (x: number) => x.toLocaleString("en-GB");
  return (
    <Field label={`${label}…`} validationState="none" validationMessage={progress ? `${n(progress.done)} of ${n(progress.of)} ${progress.what ?? unit}` : "Starting"} data-testid="import-working">
      <ProgressBar value={progress ? progress.done / progress.of : undefined} max={1} />
    </Field>
  );
}

export function Problem({ title, lines, children }: { title: string; lines: string[]; children?: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={s.list}>{lines.map((l) => <li key={l}>{l}</li>)}</ul>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A profile set up by picking each column from the file's header, with the file's first rows to go by. */
export function ProfileSetup({ table, header, profile, onColumn, onOption }: {
  table: LedgerTable; header: number; profile: ImportProfile;
  onColumn: (c: ProfileColumn, text: string) => void;
  onOption: <K extends "layout" | "signs" | "actuals" | "budget">(key: K, value: ImportProfile[K]) => void;
}): React.JSX.Element {
  const s = useStyles();
  const names = headerTexts(table, header);
  const sample = sampleRows(table, header);
  const columns = (Object.keys(PROFILE_COLUMNS) as ProfileColumn[]).filter((c) => profile.layout === "long" || !["period", "amount", "debit", "credit", "drCr"].includes(c));
  return (
    <div className={s.root} data-testid="profile-setup">
      <Body1 as="p" className={s.note}>{`The header is row ${header + 1}. Pick the column that holds each thing (leave out what the file has not).`}</Body1>
      <div className={s.columns}>
        <Field label="Layout">
          <Select className={s.select} value={profile.layout} onChange={(_, d) => onOption("layout", d.value as ImportProfile["layout"])}>
            <option value="long">A row per code and period</option>
            <option value="wide">A column per month</option>
          </Select>
        </Field>
        {columns.map((c) => (
          <Field key={c} label={PROFILE_COLUMNS[c].replace(/^./, (x) => x.toUpperCase())}>
            <Select id={`import-column-${c}`} className={s.select} value={profile.columns[c] ?? ""} onChange={(_, d) => onColumn(c, d.value)}>
              <option value="">(not in the file)</option>
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          </Field>
        ))}
        <Field label="Plain amounts">
          <Select className={s.select} value={profile.signs} onChange={(_, d) => onOption("signs", d.value as ImportProfile["signs"])}>
            <option value="credits-negative">Credits negative</option>
            <option value="credits-positive">Credits positive</option>
          </Select>
        </Field>
        <Field label="The amounts are">
          <Select className={s.select} value={profile.actuals} onChange={(_, d) => onOption("actuals", d.value as ImportProfile["actuals"])}>
            <option value="year-to-date">The actual to date</option>
            <option value="month">Each month&apos;s movement</option>
          </Select>
        </Field>
        <Field label="The budget column is">
          <Select className={s.select} value={profile.budget} onChange={(_, d) => onOption("budget", d.value as ImportProfile["budget"])}>
            <option value="revised">The revised budget</option>
            <option value="original">The original budget</option>
          </Select>
        </Field>
      </div>
      {/* Focusable, so a keyboard can scroll a wide file sideways. */}
      <div className={s.scroll} tabIndex={0} role="region" aria-label="The file's first rows">
        <table className={s.table} data-testid="file-sample">
          <caption className={s.note} style={{ textAlign: "left" }}>{`The file's first rows below its header (row ${header + 1})`}</caption>
          <thead>
            <tr>
              <th className={s.cell} scope="col">Row</th>
              {(table.rows[header] ?? []).map((h, j) => <th key={j} className={s.cell} scope="col">{h === null ? "" : String(h)}</th>)}
            </tr>
          </thead>
          <tbody>
            {sample.map((r) => (
              <tr key={r.row}>
                <th className={s.cell} scope="row">{r.row}</th>
                {r.cells.map((c, j) => <td key={j} className={s.cell}>{c}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What the import would do, before anything is written. */
export function PreviewPanel({ preview: p, busy, onApply }: { preview: ImportPreview; busy: boolean; onApply: () => void }): React.JSX.Element {
  const s = useStyles();
  const failedControls = p.controls.filter((c) => !c.agrees);
  return (
    <div className={s.root} data-testid="import-preview">
      <Subtitle2 as="h3" className={s.heading}>Preview: nothing is written yet</Subtitle2>
      <Body1 as="p" data-testid="import-summary">
        {`${rowsWord(p.rowsRead)} read from ${p.file} (header on row ${p.headerRow}): ${p.rowsUsed} for the period, ${p.rowsOtherPeriods} of other periods left out, ${p.rejected.length} rejected. Period total ${money(p.totals.all)}, of which ${money(p.totals.mapped)} mapped and ${money(p.totals.unmapped)} unmapped.`}
      </Body1>

      {p.changes.length > 0 ? (
        <div className={s.scroll} tabIndex={0} role="region" aria-label="Cells that would change">
          <table className={mergeClasses(s.table, s.fixed)} data-testid="import-changes">
            <colgroup>
              <col />
              <col style={{ width: "4.5em" }} />
              <col style={{ width: "5.5em" }} />
              <col style={{ width: "4.5em" }} />
            </colgroup>
            <caption className={s.note} style={{ textAlign: "left" }}>{`${p.changes.length} ${p.changes.length === 1 ? "cell changes" : "cells change"}${p.unchanged ? `; ${p.unchanged} already as imported` : ""}`}</caption>
            <thead>
              <tr>
                <th className={s.cell} scope="col">Line and column</th>
                <th className={mergeClasses(s.cell, s.num)} scope="col">Now</th>
                <th className={mergeClasses(s.cell, s.num)} scope="col">Imported</th>
                <th className={mergeClasses(s.cell, s.num)} scope="col">Rows</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((c) => (
                <tr key={`${c.path}|${c.column}`}>
                  <th className={mergeClasses(s.cell, s.lineCell)} scope="row">{c.label}<span className={s.column}>{CHANGE_COLUMN_WORDS[c.column]}</span></th>
                  <td className={mergeClasses(s.cell, s.num)}>{figure(c.old)}</td>
                  <td className={mergeClasses(s.cell, s.num)}>{figure(c.new)}</td>
                  <td className={mergeClasses(s.cell, s.num)}>{c.rows.toLocaleString("en-GB")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Body1 as="p" data-testid="import-nothing">{`No cell changes: the workbook already holds ${p.unchanged ? `all ${p.unchanged} figures` : "what"} the file maps to.`}</Body1>
      )}

      {p.unmapped.length > 0 && (
        <div data-testid="import-unmapped">
          <Subtitle2 as="h4" className={s.heading}>{`Unmapped codes (${p.unmapped.length}), ${money(p.totals.unmapped)}, not imported`}</Subtitle2>
          <Body1 as="p" className={s.note}>Add a mapping rule for each, or confirm they belong to no line of the report.</Body1>
          <ul className={s.list}>
            {p.unmapped.map((u) => (
              <li key={`${u.costCentre}|${u.account}`}>
                {`${[u.costCentre && `Cost centre ${u.costCentre}`, u.account && `account ${u.account}`].filter(Boolean).join(", ")}${u.description ? ` (${u.description})` : ""}: ${money(u.total)} in ${rowsWord(u.rows)}, first on row ${u.firstRow}`}
              </li>
            ))}
          </ul>
        </div>
      )}

      {p.rejected.length > 0 && (
        <div data-testid="import-rejected">
          <Subtitle2 as="h4" className={s.heading}>{`Rejected rows (${p.rejected.length}), not imported`}</Subtitle2>
          <ul className={s.list}>
            {p.rejected.map((r, i) => (
              <li key={`${r.row}|${i}`}>{`Row ${r.row}${r.column ? `, ${r.column}` : ""}: ${r.problem}`}</li>
            ))}
          </ul>
        </div>
      )}

      {(p.controls.length > 0 || p.info.length > 0) && (
        <ul className={s.list} data-testid="import-checks">
          {p.controls.map((c) => <li key={`${c.what}|${c.row}`}>{c.agrees ? c.message : `Check: ${c.message}`}</li>)}
          {p.info.map((i) => <li key={i}>{i}</li>)}
        </ul>
      )}
      {failedControls.length > 0 && <Body1 as="p">The good rows can still be imported; correct the export and import again for the rest.</Body1>}

      <div className={s.actions}>
        <Button appearance="primary" disabled={p.changes.length === 0} disabledFocusable={busy} onClick={onApply} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
          {busy ? "Importing…" : `Import ${p.changes.length} ${p.changes.length === 1 ? "figure" : "figures"}`}
        </Button>
      </div>
    </div>
  );
}

export default ImportView;
