/**
 * The view model of what the pane detected on a sheet: periods, unit, signs, outline, each line
 * with the role it plays, the reader's warnings, and the lines left out of the payback.
 */
import { a1 } from "../sheet";
import { sheetCell, type GridModel, type SignConvention, type Unit } from "../grid";
import type { PaneSettings, RoleChoice } from "./settings";

const SIGN_TEXT: Record<SignConvention, string> = {
  "investment-negative": "Investment shown negative, returns positive",
  "role-by-label": "Both shown positive; the labels say which is investment",
  "savings-negative": "Savings shown negative, costs positive",
};

const UNIT_TEXT: Record<Unit, string> = {
  "£": "£ (pounds)",
  "£k": "£k (thousands)",
  "£000s": "£000s (thousands)",
};

export interface DetectedLine {
  key: string;
  label: string;
  /** First cell of the line's label ("A5"). */
  cell: string;
  choice: RoleChoice;
}

export interface DetectionView {
  sheet: string;
  /** "Oct-21 to Mar-25 (42 months)" */
  periods: string;
  unit: string;
  sign: string;
  /** The grid outline, A1 ("A3:O57"). */
  outline: string;
  lines: DetectedLine[];
  warnings: string[];
}

export function detectionView(model: GridModel, settings: PaneSettings): DetectionView {
  const n = model.periods.length;
  const first = model.periods[0]?.period.label ?? "";
  const last = model.periods[n - 1]?.period.label ?? "";
  const noun =
    model.periodicity === "monthly" ? (n === 1 ? "month" : "months") : n === 1 ? "year" : "years";
  const b = model.bounds;
  return {
    sheet: model.sheetName,
    periods: n === 0 ? "No periods found" : `${first} to ${last} (${n} ${noun})`,
    unit: `${UNIT_TEXT[model.unit]}${model.unitSource ? `, from ${model.unitSource}` : ", assumed"}`,
    sign: SIGN_TEXT[model.signConvention],
    outline: `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`,
    lines: model.lines.map((line) => {
      const lineIndex = line.lineIndex.find((r) => r !== null) ?? b.top;
      const labelCell = sheetCell(model, lineIndex, model.labelIndex);
      return {
        key: line.key,
        label: line.label,
        cell: a1(labelCell.row, labelCell.col),
        choice: settings.excluded.includes(line.key)
          ? "excluded"
          : (settings.roleOverrides[line.key] ?? line.role),
      };
    }),
    warnings: [...model.warnings],
  };
}

export interface ExcludedItem {
  cell: string;
  text: string;
  holdsMoney: boolean;
}

/** An amount line left out of the payback, with its reason (the reader's GridModel.excluded). */
interface ExcludedLineShape {
  cell: string;
  label: string;
  reason: string;
  holdsMoney: boolean;
}

/** The lines the reader left out of the payback, money first; each with its reason. */
export function excludedView(model: GridModel): ExcludedItem[] {
  const excluded = (model as GridModel & { excluded?: ExcludedLineShape[] }).excluded ?? [];
  return [...excluded]
    .sort((a, b) => Number(b.holdsMoney) - Number(a.holdsMoney))
    .map((e) => ({
      cell: e.cell,
      text: `${e.label ? `'${e.label}': ` : ""}${e.reason}${e.holdsMoney ? " (holds money: the payback leaves it out)" : ""}`,
      holdsMoney: e.holdsMoney,
    }));
}
