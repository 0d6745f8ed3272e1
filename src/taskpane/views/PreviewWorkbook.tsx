/**
 * A read-only view of the in-memory preview workbook (outside Excel): its sheets as tabs and a grid of cells with
 * the selected cell outlined, so a person, or a test's screenshot, can see what the pane did to the workbook.
 */
import * as React from "react";
import { Body1, Caption1, Subtitle1, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MemoryWorkbook, PreviewCell } from "../../workbook/memory";
import { colLetter } from "../../plans/a1";
import { formatCellRef } from "../cell-ref";
import { displayValue } from "../preview-format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap" },
  nameBox: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: "anywhere",
  },
  scroller: {
    overflow: "auto",
    maxHeight: "calc(100vh - 190px)",
    minHeight: "200px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase, tableLayout: "fixed" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    textAlign: "right",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: "1px 4px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    maxWidth: "220px",
    height: "20px",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  input: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  formula: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  selected: { outline: `2px solid ${tokens.colorPaletteGreenBorder2}`, outlineOffset: "-2px", backgroundColor: tokens.colorPaletteGreenBackground1 },
});

/** ": 5,878 (formula =B18+D18+E18)", ": Red", " (empty)". */
function describeCell(cell: PreviewCell | null): string {
  if (!cell || (cell.value === null && !cell.formula)) return " (empty)";
  const shown = displayValue(cell);
  if (!cell.formula) return `: ${shown}`;
  return cell.value === null ? `: formula ${cell.formula}` : `: ${shown === "" ? "(blank)" : shown} (formula ${cell.formula})`;
}

function useWorkbookVersion(workbook: MemoryWorkbook): number {
  return React.useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.version,
  );
}

export function PreviewWorkbook({ workbook }: { workbook: MemoryWorkbook }): React.JSX.Element {
  const s = useStyles();
  useWorkbookVersion(workbook);
  const names = workbook.sheetNames();
  const selection = workbook.selection;
  const [viewed, setViewed] = React.useState<string | null>(null);
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  const scrollerRef = React.useRef<HTMLDivElement>(null);

  // Going to a cell shows its sheet: adjusted while rendering, when the selection changes (no effect, no second render).
  const selectionKey = selection ? `${selection.sheet}!${selection.address}#${workbook.selectionCount}` : "";
  const [shownSelection, setShownSelection] = React.useState(selectionKey);
  if (shownSelection !== selectionKey) {
    setShownSelection(selectionKey);
    if (selection) setViewed(selection.sheet);
  }
  // Bring the selected cell to the middle of the grid (the grid only: the page itself does not move).
  React.useEffect(() => {
    const cell = selectedRef.current, box = scrollerRef.current;
    if (!cell || !box) return;
    const c = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
    box.scrollTop += c.top - b.top - (box.clientHeight - c.height) / 2;
    // Sideways only when the cell would not show with the grid scrolled fully left.
    const right = c.right - b.left + box.scrollLeft;
    box.scrollLeft = right <= box.clientWidth ? 0 : right - box.clientWidth / 2;
  }, [selectionKey, viewed]);

  const sheetName = viewed && names.includes(viewed) ? viewed : names[0];
  const sheet = sheetName ? workbook.previewSheet(sheetName) : null;
  const selectedCell = selection ? workbook.previewCell(selection.sheet, selection.address) : null;

  return (
    <div className={s.root}>
      <Subtitle1 as="h2" block id="preview-heading" style={{ margin: 0 }}>
        Preview workbook
      </Subtitle1>
      <Caption1 className={s.note}>Held in this page, read-only here. Yellow cells are inputs; grey italic cells show a formula not yet calculated.</Caption1>
      {names.length === 0 || !sheet ? (
        <Body1>The preview workbook is empty: insert the sheets to see them here.</Body1>
      ) : (
        <>
          <TabList className={s.tabs} size="small" selectedValue={sheetName} onTabSelect={(_, d) => setViewed(String(d.value))} aria-label="Sheets of the preview workbook">
            {names.map((n) => (
              <Tab key={n} value={n}>
                {n}
              </Tab>
            ))}
          </TabList>
          <div className={s.nameBox} aria-live="polite" data-testid="preview-selection">
            {selection ? `Selected cell: ${formatCellRef(selection)}${describeCell(selectedCell)}` : "No cell selected"}
          </div>
          <div className={s.scroller} ref={scrollerRef} role="region" aria-label={`Cells of the ${sheetName} sheet`} tabIndex={0}>
            <table className={s.table}>
              <thead>
                <tr>
                  <th className={mergeClasses(s.head, s.corner)} scope="col">
                    <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>Row</span>
                  </th>
                  {sheet.columns.map((c) => (
                    <th key={c.index} className={s.head} scope="col" style={{ width: `${c.widthPx}px` }}>
                      {colLetter(c.index)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: sheet.maxRow }, (_, i) => i + 1).map((row) => (
                  <tr key={row}>
                    <th className={s.rowHead} scope="row">
                      {row}
                    </th>
                    {sheet.columns.map((c) => {
                      const address = `${colLetter(c.index)}${row}`;
                      const cell: PreviewCell | undefined = sheet.cell(row, c.index);
                      const isSelected = selection !== null && selection.sheet === sheetName && selection.address === address;
                      const uncalculated = Boolean(cell?.formula) && (cell?.value ?? null) === null;
                      const text = cell ? (uncalculated ? (cell.formula ?? "") : displayValue(cell)) : "";
                      const cls = mergeClasses(
                        s.cell,
                        typeof cell?.value === "number" && s.number,
                        cell?.input && s.input,
                        uncalculated && s.formula,
                        isSelected && s.selected,
                      );
                      return (
                        <td key={address} className={cls} ref={isSelected ? selectedRef : undefined} data-address={address} data-selected={isSelected || undefined} title={cell?.formula ?? undefined}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
