/** Types of the in-memory Excel stand-in (fakeExcelHost.js) as the jest tests use it. */
import type { SheetSnapshot } from "../../src/sheet";

export interface FakeCell {
  v: number | string | boolean | null | { error: string };
  f: string | null;
  nf: string;
  fill?: string | null;
  bold?: boolean;
  fontColor?: string | null;
  /** The cell style's name; absent for Normal. */
  st?: string;
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
  /** Custom cell styles the workbook holds (Normal is always there). */
  styles: string[];
  notes: Record<string, string>;
  selection: string | null;
  active: string | null;
}

export interface FakeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Fails sync number `sync` after `afterCommands` of its commands ran; every later one too when persistent. */
export interface FakeFault {
  sync: number;
  afterCommands?: number;
  persistent?: boolean;
}

export interface FakeModel {
  syncs: number;
  writes: number;
  active: string | null;
  selection: { sheet: string; areas: FakeBox[] } | null;
  /** The ExcelApi version the host reports ("1.18" unless given). */
  excelApi: string;
  failSync: FakeFault | null;
  /** Bytes of each request sent at a sync, in order. */
  requests: number[];
  /** Commands in each sync's batch, in order. */
  commandCounts: number[];
  /** Bytes of each successful sync's response. */
  responses: number[];
  syncDelayMs?: number;
  select(sheet: string, areas: string | string[]): void;
  /** A user inserting `count` rows above 0-based row `at`: what is below moves down. */
  insertRows(sheet: string, at: number, count: number): void;
  dump(): FakeDump;
}

export interface FakeHostOptions {
  excelApi?: string;
  /** The workbook counts dates from 1 Jan 1904: DATE answers in that count. */
  date1904?: boolean;
}

export interface FakeHost {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: unknown;
  model: FakeModel;
  actions: Map<string, (event: unknown) => unknown>;
  newContext(): Excel.RequestContext;
}

export function createFakeExcel(
  data: {
    sheets: ((SheetSnapshot | { sheetName: string; values: unknown[][] }) & {
      /** Blocks that carry formatting but no values ("A1:F1048576"). */
      formattedOnly?: string[];
    })[];
    active?: string;
    selection?: string;
  },
  options?: FakeHostOptions
): FakeHost;
export function a1(row: number, col: number): string;
export function formulaProblem(formula: string): string | null;
export const MAX_PAYLOAD_BYTES: number;
export const MAX_READ_CELLS: number;
export function parseAddress(address: string): {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
};
