/**
 * Draws the pane from the pure views of state.ts. Cell text is data: every string from the
 * workbook goes in with textContent, and nothing here uses innerHTML.
 */
import {
  type ChartGeometry,
  type ConventionItem,
  type DetectionView,
  type ExcludedItem,
  type SchemeItem,
  type StatedPaybackItem,
  type FindingsView,
  type Kpi,
  type RoleChoice,
  ROLE_CHOICES,
} from "./state";

const SVG_NS = "http://www.w3.org/2000/svg";

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The pane is missing #${id}`);
  return el as T;
}

/** An element with a class and text, built without parsing any markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An SVG element with its attributes, built without parsing any markup. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}

export function setStatus(text: string | null): void {
  byId("status-text").textContent = text ?? "";
  show(byId("status"), text !== null);
  for (const id of ["detect", "analyse", "reconcile", "clear-marks", "remove"])
    byId<HTMLButtonElement>(id).disabled = text !== null;
}

export function setError(text: string | null): void {
  const box = byId("error");
  box.textContent = text ?? "";
  show(box, text !== null);
}

/** What ITOS did with the user's selection (several areas: it read the whole sheet), or nothing. */
export function setSelectionNote(text: string | null): void {
  const note = byId("selection-note");
  note.textContent = text ?? "";
  show(note, text !== null);
}

export function renderDetection(
  view: DetectionView,
  onRole: (key: string, choice: RoleChoice) => void
): void {
  show(byId("detect-empty"), false);
  const facts = byId("detect-facts");
  facts.replaceChildren();
  const rows: [string, string][] = [
    ["Sheet", view.sheet],
    ["Grid", view.outline],
    ["Periods", view.periods],
    ["Unit", view.unit],
    ["Signs", view.sign],
  ];
  for (const [k, v] of rows) facts.append(el("dt", undefined, k), el("dd", undefined, v));
  show(facts, true);

  const body = byId("lines");
  body.replaceChildren();
  for (const line of view.lines) {
    const tr = el("tr");
    const labelCell = el("td");
    labelCell.append(el("span", "cell-ref", line.cell), document.createTextNode(line.label));
    const roleCell = el("td");
    const select = el("select");
    select.setAttribute("aria-label", `Role of ${line.label}`);
    select.dataset.key = line.key;
    for (const choice of ROLE_CHOICES) {
      const option = el("option", undefined, choice.label);
      option.value = choice.value;
      option.selected = choice.value === line.choice;
      select.append(option);
    }
    select.addEventListener("change", () => onRole(line.key, select.value as RoleChoice));
    roleCell.append(select);
    tr.append(labelCell, roleCell);
    body.append(tr);
  }
  show(byId("lines-box"), view.lines.length > 0);

  const n = view.warnings.length;
  byId("warnings-summary").textContent =
    `${n} ${n === 1 ? "note" : "notes"} on how the sheet was read`;
  byId("warnings-list").replaceChildren(...view.warnings.map((w) => el("p", undefined, w)));
  show(byId("warnings"), n > 0);
  show(byId("candidates"), false);
}

/** When the reader cannot tell a line's role: one select per candidate line. */
export function renderCandidates(
  message: string,
  candidates: { cell: string; label: string; key: string }[],
  onRole: (key: string, choice: RoleChoice) => void
): void {
  const box = byId("candidates");
  box.replaceChildren(el("p", undefined, message));
  for (const c of candidates) {
    const row = el("label", "check");
    const select = el("select");
    select.setAttribute("aria-label", `Role of ${c.label}`);
    const blank = el("option", undefined, "Choose…");
    blank.value = "";
    select.append(blank);
    for (const choice of ROLE_CHOICES) {
      const option = el("option", undefined, choice.label);
      option.value = choice.value;
      select.append(option);
    }
    select.addEventListener("change", () => {
      if (select.value) onRole(c.key, select.value as RoleChoice);
    });
    row.append(el("span", "cell-ref", c.cell), document.createTextNode(`${c.label} `), select);
    box.append(row);
  }
  show(box, true);
}

export function renderKpis(kpis: Kpi[]): void {
  const box = byId("kpis");
  box.replaceChildren(
    ...kpis.map((k) => {
      const card = el("div", k.primary ? "kpi kpi-primary" : "kpi");
      card.dataset.kpi = k.id;
      card.append(el("div", "kpi-label", k.label), el("div", "kpi-value", k.value));
      if (k.detail) card.append(el("div", "kpi-detail", k.detail));
      return card;
    })
  );
  show(box, true);
  show(byId("analyse-empty"), false);
}

export function renderChart(g: ChartGeometry): void {
  const figure = byId("chart");
  const root = svg("svg", {
    viewBox: `0 0 ${g.width} ${g.height + 14}`,
    role: "img",
    "aria-label": "Cumulative position by period",
  });
  const first = g.points.split(" ")[0]?.split(",")[0] ?? "0";
  const last = g.points.split(" ").pop()?.split(",")[0] ?? "0";
  root.append(
    svg("polygon", { class: "area", points: `${first},${g.zeroY} ${g.points} ${last},${g.zeroY}` }),
    svg("line", { class: "zero", x1: 0, x2: g.width, y1: g.zeroY, y2: g.zeroY }),
    svg("polyline", { class: "line", points: g.points })
  );
  const axis = (x: number, anchor: string, text: string) => {
    const t = svg("text", { class: "axis-label", x, y: g.height + 11, "text-anchor": anchor });
    t.textContent = text;
    return t;
  };
  root.append(axis(2, "start", g.firstLabel), axis(g.width - 2, "end", g.lastLabel));
  if (g.marker) {
    root.append(svg("circle", { class: "marker", cx: g.marker.x, cy: g.marker.y, r: 4.5 }));
    const label = svg("text", {
      class: "marker-label",
      x: g.marker.x - 6,
      y: g.marker.y - 8,
      "text-anchor": "end",
    });
    label.textContent = `Break-even ${g.marker.label}`;
    root.append(label);
  }
  const caption = el(
    "figcaption",
    undefined,
    `Cumulative position: low ${g.minLabel}, high ${g.maxLabel}`
  );
  figure.replaceChildren(root, caption);
  show(figure, true);
}

/** One finding as a list item: a button with its title and detail that selects its cell. */
function findingItem(
  className: string,
  finding: { cell: string; title: string; detail: string },
  onSelect: (cell: string) => void,
  kind?: string
): HTMLLIElement {
  const li = el("li");
  const button = el("button", className);
  if (kind !== undefined) button.dataset.kind = kind;
  button.type = "button";
  button.dataset.cell = finding.cell;
  button.append(
    el("span", "finding-title", finding.title),
    el("span", "finding-detail", finding.detail)
  );
  button.addEventListener("click", () => onSelect(finding.cell));
  li.append(button);
  return li;
}

export function renderFindings(view: FindingsView, onSelect: (cell: string) => void): void {
  byId("reconcile-summary").textContent = view.summary;
  byId("reconcile-summary").className =
    view.items.length === 0 && view.summary.startsWith("All") ? "note finding-ok" : "note";
  const list = byId("findings");
  list.replaceChildren(
    ...view.items.map((f) => {
      const kindClass = f.kind === "mismatch" ? "" : " finding-formula";
      const className = `${f.isRootCause ? "finding finding-root" : "finding"}${kindClass}`;
      return findingItem(className, f, onSelect, f.kind);
    })
  );
  show(list, view.items.length > 0);
  const rounding = byId("rounding-note");
  rounding.textContent = view.roundingNote ?? "";
  show(rounding, view.roundingNote !== null);
}

export function renderDialogMessage(text: string): void {
  show(byId("app"), false);
  const box = byId("dialog-message");
  box.textContent = text;
  show(box, true);
}

/** The payback in each convention, the headline's marked. */
export function renderConventions(items: ConventionItem[]): void {
  const list = byId("conventions");
  list.replaceChildren();
  for (const c of items) {
    const dt = el("dt", c.headline ? "convention-headline" : undefined, c.label);
    const dd = el("dd", c.headline ? "convention-headline" : undefined, c.value);
    dt.dataset.convention = c.convention;
    dd.dataset.convention = c.convention;
    if (c.headline) dd.append(el("span", "badge", "headline"));
    list.append(dt, dd);
  }
  show(byId("conventions-box"), items.length > 0);
}

/** Paybacks the sheet states: the convention that gives each, or the mismatch naming the cell. */
export function renderStatedPaybacks(
  items: StatedPaybackItem[],
  onSelect: (cell: string) => void
): void {
  const list = byId("stated-paybacks");
  list.replaceChildren(
    ...items.map((s) =>
      findingItem(s.matches ? "finding finding-ok" : "finding finding-root", s, onSelect)
    )
  );
  show(byId("stated-box"), items.length > 0);
}

/** Amount lines left out of the payback, each with its reason. */
export function renderExcluded(items: ExcludedItem[]): void {
  const money = items.filter((i) => i.holdsMoney).length;
  byId("excluded-summary").textContent =
    `${items.length} ${items.length === 1 ? "line" : "lines"} not counted in the payback` +
    (money > 0 ? ` (${money} holding money)` : "");
  byId("excluded").replaceChildren(
    ...items.map((i) => {
      const li = el("li", i.holdsMoney ? "excluded-money" : undefined);
      li.append(el("span", "cell-ref", i.cell), document.createTextNode(i.text));
      return li;
    })
  );
  show(byId("excluded-box"), items.length > 0);
  if (money > 0) byId<HTMLDetailsElement>("excluded-box").open = true;
}

/** One row per scheme where the sheet holds several. */
export function renderSchemes(items: SchemeItem[]): void {
  byId("schemes").replaceChildren(
    ...items.map((s) => {
      const tr = el("tr");
      tr.dataset.scheme = s.scheme;
      tr.append(
        el("th", undefined, s.scheme),
        el("td", undefined, s.breakEven),
        el("td", undefined, s.payback),
        el("td", undefined, s.net)
      );
      return tr;
    })
  );
  show(byId("schemes-box"), items.length > 0);
}

/** The note on sections ITOS left as the user edited them (leftAloneText); hidden when none. */
export function renderLeftAlone(text: string | null): void {
  const node = byId("analyse-left-alone");
  node.textContent = text ?? "";
  show(node, text !== null);
}
