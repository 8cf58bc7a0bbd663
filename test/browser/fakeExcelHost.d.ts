/** Types of the in-memory Excel stand-in (fakeExcelHost.js) as the jest tests use it. */
import type { SheetSnapshot } from "../../src/sheet";

export interface FakeCell {
  v: number | string | boolean | null | { error: string };
  f: string | null;
  nf: string;
  fill?: string | null;
  bold?: boolean;
  fontColor?: string | null;
}

export interface FakeDump {
  sheets: {
    name: string;
    cells: Record<string, FakeCell>;
    charts: {
      name: string;
      type: string;
      source: string;
      seriesBy: string;
      title: string | null;
      position: string | null;
      series: {
        name: string | null;
        xAxis: string | null;
        points: Record<string, Record<string, unknown>>;
      }[];
    }[];
    conditionalFormats: {
      range: string;
      type: string;
      formula: string | null;
      fill: string | null;
      fontColor: string | null;
    }[];
  }[];
  names: { name: string; formula: string; comment: string }[];
  notes: Record<string, string>;
  selection: string | null;
  active: string | null;
}

export interface FakeModel {
  syncs: number;
  writes: number;
  active: string | null;
  selection: { sheet: string; top: number; left: number; bottom: number; right: number } | null;
  syncDelayMs?: number;
  dump(): FakeDump;
}

export interface FakeHost {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: unknown;
  model: FakeModel;
  actions: Map<string, (event: unknown) => unknown>;
  newContext(): Excel.RequestContext;
}

export function createFakeExcel(data: {
  sheets: (SheetSnapshot | { sheetName: string; values: unknown[][] })[];
  active?: string;
}): FakeHost;
export function parseAddress(address: string): {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
};
