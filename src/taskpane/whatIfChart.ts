/**
 * Draws the What if section's chart: the base case's and the scenario's cumulative positions, the
 * zero line and each break-even point, from the pure geometry. SVG built element by element.
 */
import type { CaseLine, ComparisonChartGeometry } from "./chartGeometry";
import { byId, el, show, svg } from "./view";

const CASES = [
  { key: "base", name: "Base case" },
  { key: "scenario", name: "Scenario" },
] as const;

function withText<T extends SVGElement>(node: T, text: string): T {
  node.textContent = text;
  return node;
}

function marker(line: CaseLine, key: string, name: string): SVGElement[] {
  if (!line.marker) return [];
  const dot = svg("circle", {
    class: `marker marker-${key}`,
    "data-case": key,
    cx: line.marker.x,
    cy: line.marker.y,
    r: 4,
  });
  dot.append(withText(svg("title", {}), `${name} ${line.breakEven}`));
  return [dot];
}

/** A swatch and the case's words, for the caption under the chart. */
function legendItem(key: string, name: string, line: CaseLine): HTMLElement {
  const item = el("span", "legend-item");
  item.dataset.case = key;
  item.append(
    el("span", `legend-swatch legend-${key}`),
    document.createTextNode(`${name} ${line.breakEven}`)
  );
  return item;
}

export function renderWhatIfChart(g: ComparisonChartGeometry | null): void {
  const figure = byId("whatif-chart");
  if (g === null) {
    figure.replaceChildren();
    show(figure, false);
    return;
  }
  const summary = CASES.map((c) => `${c.name} ${g[c.key].breakEven}`).join("; ");
  const root = svg("svg", {
    viewBox: `0 0 ${g.width} ${g.height + 14}`,
    role: "img",
    "aria-labelledby": "whatif-chart-title",
    "aria-describedby": "whatif-chart-desc",
  });
  root.append(
    withText(
      svg("title", { id: "whatif-chart-title" }),
      "Cumulative position: base case and scenario"
    ),
    withText(
      svg("desc", { id: "whatif-chart-desc" }),
      `${summary}. Lowest position ${g.minLabel}, highest ${g.maxLabel}, ${g.firstLabel} to ${g.lastLabel}.`
    ),
    svg("line", { class: "zero", x1: 0, x2: g.width, y1: g.zeroY, y2: g.zeroY })
  );
  for (const c of CASES)
    root.append(
      svg("polyline", { class: `line line-${c.key}`, "data-case": c.key, points: g[c.key].points })
    );
  for (const c of CASES) root.append(...marker(g[c.key], c.key, c.name));
  const axis = (x: number, anchor: string, text: string) =>
    withText(
      svg("text", { class: "axis-label", x, y: g.height + 11, "text-anchor": anchor }),
      text
    );
  root.append(axis(2, "start", g.firstLabel), axis(g.width - 2, "end", g.lastLabel));
  const caption = el("figcaption");
  caption.append(...CASES.map((c) => legendItem(c.key, c.name, g[c.key])));
  figure.replaceChildren(root, caption);
  show(figure, true);
}
