/**
 * Settings: the rules the Board sees in the Settings sheet (reserves band, RAG thresholds, sign convention,
 * materiality). Save validates every field, names each problem's field, and writes through the gateway.
 */
import * as React from "react";
import {
  Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Spinner, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Settings, SignConvention, Units } from "../../model/types";
import { CONVENTION_LABEL } from "../../engine/convention";
import { type FieldErrors, type FieldKey, type RuleName, type SettingsForm, RULE_LABELS, fieldSpecs, fromForm, orderedErrors, toForm } from "../settings-form";
import { ViewHeading } from "./ViewHeading";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  group: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground1 },
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", alignItems: "start", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  errors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

/** The short visible label of each field; the full label (fieldSpecs) names the field in error messages. */
const SHORT: Record<string, string> = {
  minimumPct: "Minimum (%)", maximumPct: "Maximum (%)", warningMarginPct: "Amber margin above the minimum (points)",
  "capital.overspendAmberPct": "Overspend Amber from (%)", "capital.overspendRedPct": "Overspend Red from (%)",
  "capital.slippageAmberPct": "Slippage Amber from (%)", "capital.slippageRedPct": "Slippage Red from (%)",
  "savings.greenPct": "Green from (% achieved)", "savings.amberPct": "Amber from (% achieved)",
};

export interface SettingsViewProps {
  settings: Settings | null;
  units: Units;
  saving: boolean;
  /** Resolves true when saved. */
  onSave(settings: Settings): Promise<boolean>;
}

export function SettingsView({ settings, units, saving, onSave }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  const [form, setForm] = React.useState<SettingsForm | null>(settings ? toForm(settings) : null);
  const [dirty, setDirty] = React.useState(false);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [tried, setTried] = React.useState(false);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const specs = React.useMemo(() => fieldSpecs(units), [units]);

  // New settings from the workbook replace the form unless the user is part-way through editing it.
  React.useEffect(() => {
    if (settings && !dirty) setForm(toForm(settings));
  }, [settings, dirty]);

  if (!settings || !form) {
    return (
      <section className={s.root} aria-labelledby="settings-heading">
        <ViewHeading id="settings-heading">Settings</ViewHeading>
        <Body1>The settings cannot be shown until the workbook can be read: see Checks, then Recalculate.</Body1>
      </section>
    );
  }

  const u = units === "£000" ? "£000" : "£";
  const validate = (f: SettingsForm) => fromForm(f, settings, units);
  const update = (next: SettingsForm) => {
    setForm(next);
    setDirty(true);
    if (tried) {
      const r = validate(next);
      setErrors(r.ok ? {} : r.errors);
    }
  };
  const setField = (key: FieldKey, value: string) => update({ ...form, fields: { ...form.fields, [key]: value } });

  const order: FieldKey[] = [
    "minimumPct", "maximumPct", "warningMarginPct", "materiality",
    ...(Object.keys(RULE_LABELS) as RuleName[]).flatMap((r) => [`${r}.amber.amount`, `${r}.amber.pct`, `${r}.red.amount`, `${r}.red.pct`] as FieldKey[]),
    "capital.overspendAmberPct", "capital.overspendRedPct", "capital.slippageAmberPct", "capital.slippageRedPct",
    "savings.greenPct", "savings.amberPct",
  ];

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setTried(true);
    const r = validate(form);
    if (!r.ok) {
      setErrors(r.errors);
      // Move to the summary, which lists every problem by field name.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    if (await onSave(r.settings)) {
      setDirty(false);
      setTried(false);
    }
  };
  const reset = () => {
    setForm(toForm(settings));
    setDirty(false);
    setErrors({});
    setTried(false);
  };

  const field = (key: FieldKey, label?: string) => (
    <Field key={key} className={s.field} label={label ?? SHORT[key] ?? specs[key].label} validationMessage={errors[key]} validationState={errors[key] ? "error" : "none"}>
      <Input className={s.input} id={`setting-${key}`} name={key} inputMode="decimal" autoComplete="off" value={form.fields[key]} onChange={(_, d) => setField(key, d.value)} />
    </Field>
  );
  const listed = orderedErrors(errors, order);

  return (
    <section className={s.root} aria-labelledby="settings-heading">
      <ViewHeading id="settings-heading">Settings</ViewHeading>
      <Body1 as="p" className={s.note}>
        These rules are kept in the workbook&apos;s Settings sheet, where the Resource Control Board can see them. Amounts are in {u}.
      </Body1>
      {listed.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} data-testid="settings-errors">
          <MessageBar intent="error" politeness="assertive" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{`Not saved: ${listed.length} ${listed.length === 1 ? "field needs" : "fields need"} correcting`}</MessageBarTitle>
              <ul className={s.errors}>
                {listed.map(([key, message]) => (
                  <li key={key}>{message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <form className={s.form} onSubmit={save} noValidate aria-labelledby="settings-heading">
        <fieldset className={s.group}>
          <legend className={s.legend}>Reserves policy: general fund as % of the net budget</legend>
          <div className={s.pair}>
            {field("minimumPct")}
            {field("maximumPct")}
          </div>
          {field("warningMarginPct")}
          <Body1 as="p" className={s.note}>Red below the minimum; Amber within the margin above the minimum, or above the maximum.</Body1>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>Variances</legend>
          <Field label="Sign convention">
            <RadioGroup value={form.signConvention} onChange={(_, d) => update({ ...form, signConvention: d.value as SignConvention })}>
              {(Object.keys(CONVENTION_LABEL) as SignConvention[]).map((c) => (
                <Radio key={c} value={c} label={CONVENTION_LABEL[c]} />
              ))}
            </RadioGroup>
          </Field>
          {field("materiality", `Materiality: commentary needed from a variance of (${u})`)}
        </fieldset>

        {(Object.keys(RULE_LABELS) as RuleName[]).map((rule) => (
          <fieldset className={s.group} key={rule}>
            <legend className={s.legend}>{`RAG: ${RULE_LABELS[rule]}, adverse variance`}</legend>
            <div className={s.pair}>
              {field(`${rule}.amber.amount`, `Amber from (${u})`)}
              {field(`${rule}.amber.pct`, "Amber from (% of budget)")}
              {field(`${rule}.red.amount`, `Red from (${u})`)}
              {field(`${rule}.red.pct`, "Red from (% of budget)")}
            </div>
            <Field label="When both an amount and a % are given">
              <Select
                value={form.combine[rule]}
                onChange={(_, d) => update({ ...form, combine: { ...form.combine, [rule]: d.value as "lower" | "higher" } })}
              >
                <option value="higher">Flag when both are reached (the higher limit)</option>
                <option value="lower">Flag when either is reached (the lower limit)</option>
              </Select>
            </Field>
          </fieldset>
        ))}

        <fieldset className={s.group}>
          <legend className={s.legend}>RAG: capital programme, % of revised budget</legend>
          <div className={s.pair}>
            {field("capital.overspendAmberPct")}
            {field("capital.overspendRedPct")}
            {field("capital.slippageAmberPct")}
            {field("capital.slippageRedPct")}
          </div>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>RAG: savings, % of planned savings achieved</legend>
          <div className={s.pair}>
            {field("savings.greenPct")}
            {field("savings.amberPct")}
          </div>
        </fieldset>

        <div className={s.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="extra-tiny" /> : undefined}>
            {saving ? "Saving…" : "Save"}
          </Button>
          <Button type="button" onClick={reset} disabled={!dirty || saving}>
            Undo changes
          </Button>
        </div>
      </form>
    </section>
  );
}
