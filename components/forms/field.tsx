import type { ComponentProps, CSSProperties, ReactNode } from "react";

/** One option of a select: its value, what it says and, optionally, a tooltip. */
export type Choice<T extends string = string> = { id: T; label: string; title?: string };

/** Options that say their own value (task names, country codes). */
export const choicesOf = (values: readonly string[]): Choice[] => values.map((v) => ({ id: v, label: v }));

type FieldLook = {
  /**
   * The overview's compact controls (`.field`); otherwise the name stands above the control in
   * small muted text (the models filter, the embed options, the registry search).
   */
  compact?: boolean;
};

/** A control (a select, input or textarea, passed as the child) with its label around it. */
export function Field({
  label,
  children,
  compact = false,
  style,
}: FieldLook & {
  label: string;
  children: ReactNode;
  /** Added to the label's own layout (not compact). */
  style?: CSSProperties;
}) {
  return compact ? (
    // biome-ignore lint/a11y/noLabelWithoutControl: every child passed in is a select, input or textarea
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  ) : (
    // biome-ignore lint/a11y/noLabelWithoutControl: every child passed in is a select, input or textarea
    <label className="small muted" style={{ display: "grid", gap: 2, ...style }}>
      {label}
      {children}
    </label>
  );
}

/** The `<option>`s of a select. */
function Choices({ choices }: { choices: readonly Choice[] }) {
  return choices.map((c) => (
    <option key={c.id} value={c.id} title={c.title}>
      {c.label}
    </option>
  ));
}

type SelectFieldProps<T extends string> = Omit<ComponentProps<"select">, "onChange" | "children"> &
  FieldLook & {
    label: string;
    choices: readonly Choice<T>[];
    /** Called with the chosen option's value (a form's select, read on submit, needs none). */
    onChange?: (value: T) => void;
  };

/** A labelled select over a list of options. */
export function SelectField<T extends string>({
  label,
  choices,
  compact,
  onChange,
  ...select
}: SelectFieldProps<T>) {
  return (
    <Field label={label} compact={compact}>
      <select
        {...select}
        onChange={
          onChange &&
          ((e) => {
            const chosen = choices.find((c) => c.id === e.target.value);
            if (chosen) onChange(chosen.id);
          })
        }
      >
        <Choices choices={choices} />
      </select>
    </Field>
  );
}

type InputFieldProps = Omit<ComponentProps<"input">, "onChange"> &
  FieldLook & {
    label: string;
    /** Called with the input's new text (a form's input, read on submit, needs none). */
    onChange?: (value: string) => void;
  };

/** A labelled input. */
export function InputField({ label, compact, onChange, ...input }: InputFieldProps) {
  return (
    <Field label={label} compact={compact}>
      <input {...input} onChange={onChange && ((e) => onChange(e.target.value))} />
    </Field>
  );
}
