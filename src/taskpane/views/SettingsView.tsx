/**
 * Settings: the rules the Board sees in the Settings sheet (reserves band, RAG thresholds, sign convention,
 * materiality). Save validates every field, names each problem's field, and writes through the gateway.
 */
import * as React from "react";
import {
  Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Spinner, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Settings, Units } from "../../model/types";
import { CONVENTIONS, CONVENTION_LABEL, type SettingKey, paneLabel } from "../../model/settings/registry";
import { type FieldErrors, type RuleName, type SettingsForm, RULE_LABELS, fromForm, orderedErrors, toForm } from "../settings-form";
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

export interface SettingsViewProps {
  settings: Settings | null;
  units: Units;
  saving: boolean;
  /** Resolves true when saved. */
  onSave: (settings: Settings) => Promise<boolean>;
}

export function SettingsView({ settings, units, saving, onSave }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  const [form, setForm] = React.useState<SettingsForm | null>(settings ? toForm(settings) : null);
  const [dirty, setDirty] = React.useState(false);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [tried, setTried] = React.useState(false);
  const summaryRef = React.useRef<HTMLDivElement>(null);

  // New settings from the workbook replace the form unless the user is part-way through editing it (adjusted while
  // rendering, as React advises for state that follows a prop, rather than in an effect).
  const [shown, setShown] = React.useState({ settings, dirty });
  if (settings !== shown.settings || dirty !== shown.dirty) {
    setShown({ settings, dirty });
    if (settings && !dirty) setForm(toForm(settings));
  }

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
  const setField = (key: SettingKey, value: string) => update({ ...form, fields: { ...form.fields, [key]: value } });

  const rules = Object.keys(RULE_LABELS) as RuleName[];
  const order: SettingKey[] = [
    "reservesMin", "reservesMax", "generalFund.warningMargin", "materiality",
    ...rules.flatMap((r): SettingKey[] => [`${r}.amberAmount`, `${r}.amberPct`, `${r}.redAmount`, `${r}.redPct`]),
    "capital.overspendAmber", "capital.overspendRed", "capital.slippageAmber", "capital.slippageRed",
    "savings.green", "savings.amber", "pctDecimals",
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

  const field = (key: SettingKey) => (
    <Field key={key} className={s.field} label={paneLabel(key, units, "short")} validationMessage={errors[key]} validationState={errors[key] ? "error" : "none"}>
      <Input className={s.input} id={`setting-${key}`} name={key} inputMode="decimal" autoComplete="off" value={form.fields[key] ?? ""} onChange={(_, d) => setField(key, d.value)} />
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
      <form className={s.form} onSubmit={(e) => void save(e)} noValidate aria-labelledby="settings-heading">
        <fieldset className={s.group}>
          <legend className={s.legend}>Reserves policy: general fund as % of the net budget</legend>
          <div className={s.pair}>
            {field("reservesMin")}
            {field("reservesMax")}
          </div>
          {field("generalFund.warningMargin")}
          <Body1 as="p" className={s.note}>Red below the minimum; Amber within the margin above the minimum, or above the maximum.</Body1>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>Variances</legend>
          <Field label={paneLabel("signConvention", units)}>
            <RadioGroup value={form.fields.signConvention} onChange={(_, d) => setField("signConvention", d.value)}>
              {CONVENTIONS.map((c) => (
                <Radio key={c} value={c} label={CONVENTION_LABEL[c]} />
              ))}
            </RadioGroup>
          </Field>
          {field("materiality")}
        </fieldset>

        {rules.map((rule) => (
          <fieldset className={s.group} key={rule}>
            <legend className={s.legend}>{`RAG: ${RULE_LABELS[rule]}, adverse variance`}</legend>
            <div className={s.pair}>
              {field(`${rule}.amberAmount`)}
              {field(`${rule}.amberPct`)}
              {field(`${rule}.redAmount`)}
              {field(`${rule}.redPct`)}
            </div>
            <Field label="When both an amount and a % are given">
              <Select value={form.fields[`${rule}.combine`]} onChange={(_, d) => setField(`${rule}.combine`, d.value)}>
                <option value="higher">Flag when both are reached (the higher limit)</option>
                <option value="lower">Flag when either is reached (the lower limit)</option>
              </Select>
            </Field>
          </fieldset>
        ))}

        <fieldset className={s.group}>
          <legend className={s.legend}>RAG: capital programme, % of revised budget</legend>
          <div className={s.pair}>
            {field("capital.overspendAmber")}
            {field("capital.overspendRed")}
            {field("capital.slippageAmber")}
            {field("capital.slippageRed")}
          </div>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>RAG: savings, % of planned savings achieved</legend>
          <div className={s.pair}>
            {field("savings.green")}
            {field("savings.amber")}
          </div>
        </fieldset>

        <fieldset className={s.group}>
          <legend className={s.legend}>How figures are shown</legend>
          {field("pctDecimals")}
          <Body1 as="p" className={s.note}>0 to 3 places, in the report, the narrative, the slides and the sheets (the sheets take a new setting when inserted or upgraded).</Body1>
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
