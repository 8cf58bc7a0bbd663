/**
 * An in-memory stand-in for Excel: the slice of the Office.js API the ITOS adapter uses
 * (worksheets, ranges, names, notes, conditional formats, charts, selection), backed by a plain
 * workbook model, and held to the rules the Office.js reference documents:
 *
 * - Every call on a proxy object is queued; nothing happens until context.sync(). Then the batch
 *   runs in order. A command that Excel would reject (a missing sheet, a bad formula, an API the
 *   host lacks) fails the sync, and the commands before it in that batch stay applied, as in
 *   Excel (Office.js is not transactional). Loaded values are readable only after a sync that
 *   succeeded; reading an unloaded property throws PropertyNotLoaded.
 * - Requirement sets are configurable ({ excelApi: "1.8" }): isSetSupported answers from it, and
 *   an API newer than it fails at sync with ApiNotFound.
 * - Excel on the web's limits: 5 MB per request and per response, 5 million cells per read.
 * - getUsedRange counts cells that carry only formatting, getUsedRange(true) only values;
 *   getSelectedRange fails on a multi-area selection (getSelectedRanges reads it, ExcelApi 1.9).
 * - Sheet and name lookups ignore case; conditional-format formulas, chart series and point
 *   indexes are checked as Excel checks them.
 * - Cell styles (ExcelApi 1.7): workbook.styles.add makes a named style, Range.style applies one
 *   (resetting the cell's number format, fill and bold to the style's, as a new style carries
 *   none); typing into a cell keeps its style, clear("All") gives back Normal. Name comments
 *   (ExcelApi 1.4) are kept as written. model.insertRows plays a user inserting rows: cells,
 *   names, notes and conditional formats below move down, a name spanning the row grows.
 * - workbook.functions.date answers in the workbook's date system ({ date1904: true } for a
 *   workbook that counts dates from 1904; the cells' date serials are then given in that count).
 * - Faults can be injected: model.failSync = { sync, afterCommands, persistent } fails the given
 *   sync after that many of its commands ran (and every later sync too when persistent).
 *
 * Works as a browser script (served in place of office.js: window.Office / window.Excel, options
 * from window.__itosHostOptions) and as a CommonJS module for jest (createFakeExcel).
 */
/* global window, module, setTimeout */
(function () {
  "use strict";

  const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
  const MAX_READ_CELLS = 5000000;
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;

  // ---------- addresses ----------
  function colLetters(col) {
    let n = col + 1;
    let s = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function a1(row, col) {
    return colLetters(col) + (row + 1);
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function unquoteSheet(text) {
    const t = text.replace(/^=/, "");
    return t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : t;
  }
  /** "'Sheet 1'!$A$1:B2", "A:C", "3:5" -> { sheet|null, top, left, bottom, right } */
  function parseAddress(address) {
    const text = String(address).replace(/^=/, "");
    const bang = text.lastIndexOf("!");
    const sheet = bang >= 0 ? unquoteSheet(text.slice(0, bang)) : null;
    const local = text.slice(bang + 1).replace(/\$/g, "");
    const parts = local.split(":");
    const corner = (p) => {
      const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p.trim());
      if (!m || (!m[1] && !m[2]))
        throw fakeError("InvalidArgument", "The argument is invalid or missing: " + address);
      const row = m[2] ? Number(m[2]) - 1 : null;
      const col = m[1] ? colIndex(m[1]) : null;
      if ((row !== null && (row < 0 || row > MAX_ROW)) || (col !== null && col > MAX_COL))
        throw fakeError("InvalidArgument", "The argument is invalid or missing: " + address);
      return { row, col };
    };
    const s = corner(parts[0]);
    const e = corner(parts[1] || parts[0]);
    const top = Math.min(s.row ?? 0, e.row ?? 0);
    const left = Math.min(s.col ?? 0, e.col ?? 0);
    return {
      sheet,
      top,
      left,
      bottom: s.row === null ? MAX_ROW : Math.max(s.row, e.row),
      right: s.col === null ? MAX_COL : Math.max(s.col, e.col),
    };
  }
  function boxAddress(box) {
    const s = a1(box.top, box.left);
    const e = a1(box.bottom, box.right);
    return s === e ? s : s + ":" + e;
  }
  function overlaps(a, b) {
    return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
  }
  function fakeError(code, message) {
    const e = new Error(message);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }
  function sameName(a, b) {
    return String(a).toLowerCase() === String(b).toLowerCase();
  }
  function versionAtLeast(have, need) {
    const [hm, hn] = String(have).split(".").map(Number);
    const [nm, nn] = String(need).split(".").map(Number);
    return hm > nm || (hm === nm && (hn || 0) >= (nn || 0));
  }
  function jsonBytes(value) {
    return value === undefined ? 0 : JSON.stringify(value).length;
  }

  /**
   * A conditional-format formula as Excel accepts it: starts with "=", balanced brackets and
   * quotes, no dangling operator, references inside the sheet, known function names.
   */
  const KNOWN_FUNCTIONS = new Set(
    "AND OR NOT IF ISNUMBER ISBLANK ISERROR ABS SUM MIN MAX ROUND ROW COLUMN COUNT COUNTIF LEN TRUE FALSE".split(
      " "
    )
  );
  function formulaProblem(formula) {
    if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2)
      return "a formula must start with =";
    const body = formula.slice(1).replace(/"(?:[^"]|"")*"/g, '""');
    if ((body.match(/"/g) || []).length % 2 !== 0) return "unbalanced quotes";
    let depth = 0;
    for (const ch of body) {
      if (ch === "(") depth += 1;
      if (ch === ")") depth -= 1;
      if (depth < 0) return "unbalanced brackets";
    }
    if (depth !== 0) return "unbalanced brackets";
    if (/[+\-*/^&=<>,(]\s*$/.test(body) || /^\s*[*/^&=<>,)]/.test(body))
      return "an operator without an operand";
    if (/[*/^&]\s*[*/^&)]|,\s*\)|\(\s*,/.test(body)) return "two operators in a row";
    for (const m of body.matchAll(/([A-Za-z][A-Za-z0-9.]*)\s*\(/g)) {
      if (!KNOWN_FUNCTIONS.has(m[1].toUpperCase())) return "unknown function " + m[1];
    }
    for (const m of body.matchAll(/\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9(])/g)) {
      if (colIndex(m[1]) > MAX_COL || Number(m[2]) < 1 || Number(m[2]) > MAX_ROW + 1)
        return "a reference outside the sheet: " + m[0];
    }
    return null;
  }

  // ---------- the workbook model ----------
  function isErrorValue(v) {
    return v !== null && typeof v === "object" && "error" in v;
  }
  function hasValue(cell) {
    return !!cell && ((cell.v !== null && cell.v !== undefined && cell.v !== "") || !!cell.f);
  }
  function emptyCell(cell) {
    return (
      !cell ||
      (!hasValue(cell) &&
        (!cell.nf || cell.nf === "General") &&
        !cell.fill &&
        !cell.bold &&
        !cell.fontColor &&
        !cell.st)
    );
  }

  function Model(data, options) {
    this.sheets = [];
    this.names = [];
    this.styles = [];
    this.notes = new Map();
    this.syncs = 0;
    this.writes = 0;
    this.selection = null;
    this.excelApi = (options && options.excelApi) || "1.18";
    // A workbook saved with "Use 1904 date system": its date serials count from 1 Jan 1904.
    this.date1904 = Boolean(options && options.date1904);
    this.failSync = null;
    this.requests = [];
    this.commandCounts = [];
    this.responses = [];
    for (const s of (data && data.sheets) || []) this.addSheet(s.sheetName || s.name, s);
    const first = this.sheets[0] ? this.sheets[0].name : null;
    this.active = (data && data.active && this.sheet(data.active).name) || first;
    if (this.active)
      this.selection = { sheet: this.active, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    if (data && data.selection) this.select(this.active, data.selection);
  }
  /** Selects one or more areas ("B2:C3" or "B2:C3,E5:E9", a Ctrl-click selection). */
  Model.prototype.select = function (sheetName, areas) {
    const list = Array.isArray(areas) ? areas : String(areas).split(",");
    this.selection = {
      sheet: this.sheet(sheetName).name,
      areas: list.map((a) => {
        const b = parseAddress(a);
        return { top: b.top, left: b.left, bottom: b.bottom, right: b.right };
      }),
    };
    this.active = this.selection.sheet;
  };
  Model.prototype.addSheet = function (name, snapshot) {
    if (this.sheet(name))
      throw fakeError("ItemAlreadyExists", "A sheet named " + name + " already exists.");
    const sheet = { name, cells: new Map(), charts: [], conditionalFormats: [], formatted: [] };
    if (snapshot && snapshot.values) {
      const top = snapshot.top || 0;
      const left = snapshot.left || 0;
      snapshot.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const nf =
            snapshot.numberFormats && snapshot.numberFormats[i]
              ? snapshot.numberFormats[i][j]
              : null;
          const f = snapshot.formulas && snapshot.formulas[i] ? snapshot.formulas[i][j] : null;
          const cell = { v: v === undefined ? null : v, f: f || null, nf: nf || "General" };
          if (!emptyCell(cell)) sheet.cells.set(top + i + "," + (left + j), cell);
        })
      );
    }
    // Blocks that carry only formatting (a fill down to the last row, say), kept as rectangles.
    for (const f of (snapshot && snapshot.formattedOnly) || []) {
      const b = parseAddress(f);
      sheet.formatted.push({ top: b.top, left: b.left, bottom: b.bottom, right: b.right });
    }
    this.sheets.push(sheet);
    return sheet;
  };
  Model.prototype.sheet = function (name) {
    return this.sheets.find((s) => sameName(s.name, name)) || null;
  };
  Model.prototype.cell = function (sheet, row, col) {
    return sheet.cells.get(row + "," + col) || null;
  };
  Model.prototype.writeCell = function (sheet, row, col, patch) {
    const key = row + "," + col;
    const cell = Object.assign(
      { v: null, f: null, nf: "General" },
      sheet.cells.get(key) || {},
      patch
    );
    // Defaults are not stored, so two ways of writing the same thing compare equal.
    if (!cell.bold) delete cell.bold;
    if (!cell.fill) delete cell.fill;
    if (!cell.fontColor) delete cell.fontColor;
    if (!cell.st || cell.st === "Normal") delete cell.st;
    if (emptyCell(cell)) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  };
  /** A user inserting `count` rows above row `at` (0-based) of a sheet, as Excel shifts things. */
  Model.prototype.insertRows = function (sheetName, at, count) {
    const sheet = this.sheet(sheetName);
    const moved = new Map();
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      moved.set((r >= at ? r + count : r) + "," + c, cell);
    }
    sheet.cells = moved;
    const shiftBox = (b) => ({
      top: b.top >= at ? b.top + count : b.top,
      left: b.left,
      bottom: b.bottom >= at ? b.bottom + count : b.bottom,
      right: b.right,
    });
    for (const n of this.names) {
      const box = parseAddress(n.formula);
      if (!box.sheet || !sameName(box.sheet, sheet.name)) continue;
      const b = shiftBox(box);
      const local = "$" + colLetters(b.left) + "$" + (b.top + 1);
      const end = "$" + colLetters(b.right) + "$" + (b.bottom + 1);
      n.formula =
        "=" +
        quoteSheet(sheet.name) +
        "!" +
        (b.top === b.bottom && b.left === b.right ? local : local + ":" + end);
    }
    const notes = new Map();
    for (const [key, text] of this.notes) {
      const bang = key.lastIndexOf("!");
      const box = parseAddress(key.slice(bang + 1));
      if (sameName(key.slice(0, bang), sheet.name) && box.top >= at)
        notes.set(key.slice(0, bang) + "!" + a1(box.top + count, box.left), text);
      else notes.set(key, text);
    }
    this.notes = notes;
    for (const rule of sheet.conditionalFormats)
      rule.range = boxAddress(shiftBox(parseAddress(rule.range)));
  };
  /** The smallest box holding every used cell (valuesOnly: cells with a value or formula). */
  Model.prototype.usedBox = function (sheet, valuesOnly) {
    let box = null;
    const grow = (b) => {
      if (!box) box = Object.assign({}, b);
      else {
        box.top = Math.min(box.top, b.top);
        box.left = Math.min(box.left, b.left);
        box.bottom = Math.max(box.bottom, b.bottom);
        box.right = Math.max(box.right, b.right);
      }
    };
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && !hasValue(cell)) continue;
      const [r, c] = key.split(",").map(Number);
      grow({ top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) sheet.formatted.forEach(grow);
    return box;
  };
  /** Plain JSON of every sheet's cells, names, notes, charts and CF rules, for assertions. */
  Model.prototype.dump = function () {
    const sel = this.selection;
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: Object.fromEntries(
          [...s.cells.entries()]
            .sort((a, b) => {
              const [ar, ac] = a[0].split(",").map(Number);
              const [br, bc] = b[0].split(",").map(Number);
              return ar - br || ac - bc;
            })
            .map(([k, c]) => {
              const [r, col] = k.split(",").map(Number);
              return [a1(r, col), Object.assign({}, c)];
            })
        ),
        charts: s.charts.map((c) => JSON.parse(JSON.stringify(c))),
        conditionalFormats: s.conditionalFormats.map((c) => Object.assign({}, c)),
      })),
      names: this.names.map((n) => Object.assign({}, n)),
      styles: this.styles.slice(),
      notes: Object.fromEntries(this.notes.entries()),
      selection: sel ? sel.sheet + "!" + sel.areas.map(boxAddress).join(",") : null,
      active: this.active,
    };
  };

  // ---------- the request context: a queue of commands run at sync ----------
  function RequestContext(model) {
    this._model = model;
    this._queue = [];
    this._staged = new Set();
    this.workbook = new Workbook(this);
  }
  /** Queues a command; bytes is what it adds to the request sent at sync. */
  RequestContext.prototype._enqueue = function (run, bytes, api) {
    const need = api || "1.1";
    const model = this._model;
    this._queue.push({
      bytes: 48 + (bytes || 0),
      run() {
        if (!versionAtLeast(model.excelApi, need))
          throw fakeError(
            "ApiNotFound",
            "This API needs ExcelApi " + need + "; the host has " + model.excelApi + "."
          );
        return run();
      },
    });
  };
  RequestContext.prototype.sync = function () {
    const model = this._model;
    model.syncs += 1;
    const n = model.syncs;
    const queue = this._queue;
    this._queue = [];
    this._staged = new Set(); // what the loads of this batch stage, committed if it succeeds
    const fault = model.failSync;
    const delay = model.syncDelayMs || 0;
    const settle = (error) =>
      new Promise((resolve, reject) =>
        setTimeout(() => (error ? reject(error) : resolve()), delay)
      );
    const requestBytes = queue.reduce((sum, c) => sum + c.bytes, 0);
    model.requests.push(requestBytes);
    model.commandCounts.push(queue.length);
    if (requestBytes > MAX_PAYLOAD_BYTES) {
      return settle(
        fakeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit (" + requestBytes + " bytes)."
        )
      );
    }
    // An injected fault: how many of this sync's commands run before it fails (-1: none).
    const runBeforeFault = !fault
      ? -1
      : n === fault.sync
        ? fault.afterCommands || 0
        : fault.persistent && n > fault.sync
          ? 0
          : -1;
    let failed = null;
    for (let i = 0; i < queue.length && !failed; i++) {
      if (i === runBeforeFault) break;
      try {
        queue[i].run();
      } catch (error) {
        failed = error;
      }
    }
    if (!failed && runBeforeFault >= 0)
      failed = fakeError(
        "GeneralException",
        "An internal error has occurred (injected at sync " + n + ")."
      );
    model.calculationSuspended = false;
    const staged = this._staged;
    this._staged = new Set();
    if (failed) {
      for (const obj of staged) obj._staged = null;
      return settle(failed);
    }
    let responseBytes = 0;
    for (const obj of staged) responseBytes += jsonBytes(obj._staged);
    model.responses.push(responseBytes);
    if (responseBytes > MAX_PAYLOAD_BYTES) {
      for (const obj of staged) obj._staged = null;
      return settle(
        fakeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit (" + responseBytes + " bytes)."
        )
      );
    }
    for (const obj of staged) obj._commit();
    return settle(null);
  };

  // ---------- client objects with Office.js load/sync rules ----------
  function ClientObject(ctx) {
    this._ctx = ctx;
    this._data = {};
    this._staged = null;
  }
  ClientObject.prototype._loadable = [];
  ClientObject.prototype.load = function (props) {
    let list;
    if (props === undefined) list = this._loadable.slice();
    else if (typeof props === "string")
      list = props
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
    else if (Array.isArray(props)) list = props.slice();
    else list = props.select ? props.select.split(",") : Object.keys(props);
    const self = this;
    this._ctx._enqueue(() => self._stage(list), jsonBytes(list));
    return this;
  };
  ClientObject.prototype._stage = function (list) {
    const staged = this._staged || {};
    // As in Office.js, any load of an *OrNullObject result also tells whether it is null.
    if (this._loadable.includes("isNullObject")) staged.isNullObject = this._isNull();
    if (!staged.isNullObject) {
      for (const prop of list) {
        const top = prop.split("/")[0];
        if (top === "items" && this._items) {
          const sub = list.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
          const items = this._items();
          items.forEach((item) => item._stageNow(sub.length ? sub : item._loadable));
          staged.items = items;
        } else if (top !== "isNullObject") {
          staged[top] = this._compute(top);
        }
      }
    }
    this._staged = staged;
    this._ctx._staged.add(this);
  };
  ClientObject.prototype._stageNow = ClientObject.prototype._stage;
  ClientObject.prototype._isNull = function () {
    return false;
  };
  ClientObject.prototype._commit = function () {
    const staged = this._staged || {};
    if (staged.items) for (const item of staged.items) item._commit();
    Object.assign(this._data, staged);
    this._staged = null;
  };
  ClientObject.prototype.toJSON = function () {
    return this._data;
  };
  ClientObject.prototype._compute = function (prop) {
    throw fakeError("InvalidArgument", "Cannot load property " + prop);
  };
  ClientObject.prototype._read = function (prop) {
    if (!(prop in this._data)) {
      throw fakeError(
        "PropertyNotLoaded",
        "The property '" +
          prop +
          "' is not available. Call load and context.sync() before reading it."
      );
    }
    return this._data[prop];
  };
  /** Loadable properties; a setter queues its write (with its size and API set). */
  function defineLoadable(Ctor, props, setters) {
    Ctor.prototype._loadable = props.filter((p) => p !== "items");
    for (const prop of props) {
      const desc = {
        get() {
          return this._read(prop);
        },
        configurable: true,
      };
      if (setters && setters[prop]) {
        const setter = setters[prop];
        desc.set = function (v) {
          const self = this;
          this._ctx._enqueue(() => setter.fn.call(self, v), jsonBytes(v), setter.api);
        };
      }
      Object.defineProperty(Ctor.prototype, prop, desc);
    }
  }
  function inherit(Ctor) {
    Ctor.prototype = Object.create(ClientObject.prototype);
    Ctor.prototype.constructor = Ctor;
  }
  /** A method that queues its work: fn runs at sync. */
  function command(fn, api, bytesOf) {
    return function () {
      const self = this;
      const args = arguments;
      this._ctx._enqueue(() => fn.apply(self, args), bytesOf ? bytesOf.apply(self, args) : 16, api);
    };
  }

  // ----- Range -----
  function Range(ctx, sheetRef, box, options) {
    ClientObject.call(this, ctx);
    this._sheetRef = sheetRef; // a sheet name, or a function giving it at sync (the selection)
    this._box = box;
    this._orNull = options && options.orNull;
    this._usedValuesOnly = options && options.usedValuesOnly;
    this.format = new RangeFormat(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, this);
  }
  inherit(Range);
  Range.prototype._sheet = function () {
    const name = typeof this._sheetRef === "function" ? this._sheetRef() : this._sheetRef;
    const s = this._ctx._model.sheet(name);
    if (!s) throw fakeError("ItemNotFound", "The requested resource doesn't exist: sheet " + name);
    return s;
  };
  /** The box, resolved at sync (a used range is only known then). */
  Range.prototype._resolve = function () {
    if (typeof this._box === "function") return this._box();
    return this._box;
  };
  Range.prototype._isNull = function () {
    return this._orNull ? this._resolve() === null : false;
  };
  Range.prototype._grid = function (fn) {
    const s = this._sheet();
    const b = this._resolve();
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (cells > MAX_READ_CELLS)
      throw fakeError(
        "RangeExceedsLimit",
        "The cell count in the range (" + cells + ") has exceeded the maximum supported number."
      );
    const out = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = [];
      for (let c = b.left; c <= b.right; c++) row.push(fn(this._ctx._model.cell(s, r, c), r, c));
      out.push(row);
    }
    return out;
  };
  Range.prototype._compute = function (prop) {
    const s = this._sheet();
    const b = this._resolve() || { top: 0, left: 0, bottom: 0, right: 0 };
    switch (prop) {
      case "address":
        return quoteSheet(s.name) + "!" + boxAddress(b);
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      case "cellCount":
        return (b.bottom - b.top + 1) * (b.right - b.left + 1);
      case "values":
        return this._grid((c) => (!c || c.v === null ? "" : isErrorValue(c.v) ? c.v.error : c.v));
      case "valueTypes":
        return this._grid((c) => {
          if (!c || c.v === null || c.v === "") return "Empty";
          if (isErrorValue(c.v)) return "Error";
          if (typeof c.v === "number") return "Double";
          if (typeof c.v === "boolean") return "Boolean";
          return "String";
        });
      case "formulas":
        return this._grid((c) => {
          if (!c) return "";
          if (c.f) return c.f;
          if (c.v === null) return "";
          return isErrorValue(c.v) ? c.v.error : c.v;
        });
      case "numberFormat":
        return this._grid((c) => (c && c.nf) || "General");
      case "text":
        return this._grid((c) =>
          !c || c.v === null ? "" : String(isErrorValue(c.v) ? c.v.error : c.v)
        );
      case "style": {
        if (!versionAtLeast(this._ctx._model.excelApi, "1.7"))
          throw fakeError("ApiNotFound", "Range.style needs ExcelApi 1.7.");
        // One style for the whole range, or null when its cells differ (as Office.js reports).
        const styles = new Set(this._grid((c) => (c && c.st) || "Normal").flat());
        return styles.size === 1 ? [...styles][0] : null;
      }
      default:
        return ClientObject.prototype._compute.call(this, prop);
    }
  };
  Range.prototype._each2d = function (grid, name, fn) {
    const b = this._resolve();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (grid === null) grid = Array.from({ length: rows }, () => new Array(cols).fill(null));
    if (
      !Array.isArray(grid) ||
      grid.length !== rows ||
      grid.some((r) => !Array.isArray(r) || r.length !== cols)
    ) {
      throw fakeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" +
          name +
          ")."
      );
    }
    const s = this._sheet();
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) fn(s, b.top + i, b.left + j, grid[i][j]);
    this._ctx._model.writes += 1;
  };
  /** What typing the input into a cell stores: a formula, a quoted text, or a value. */
  function typedInput(input) {
    if (typeof input === "string") {
      if (input.startsWith("=")) return { f: input, v: null };
      if (input.startsWith("'")) return { f: null, v: input.slice(1) };
      if (input === "") return { f: null, v: null };
      if (/^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!)$/.test(input))
        return { f: null, v: { error: input } };
      const n = Number(input.replace(/,/g, ""));
      if (input.trim() !== "" && !Number.isNaN(n)) return { f: null, v: n };
      return { f: null, v: input };
    }
    return { f: null, v: input === undefined ? null : input };
  }
  defineLoadable(
    Range,
    [
      "isNullObject",
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "valueTypes",
      "formulas",
      "numberFormat",
      "text",
      "style",
    ],
    {
      style: {
        fn(name) {
          const model = this._ctx._model;
          const known = name === "Normal" || model.styles.some((st) => sameName(st, name));
          if (!known) throw fakeError("InvalidArgument", "There is no style named " + name + ".");
          this._each2d(null, "style", (s, r, c) =>
            model.writeCell(s, r, c, { st: name, nf: "General", fill: null, bold: false })
          );
        },
        api: "1.7",
      },
      values: {
        fn(grid) {
          this._each2d(grid, "values", (s, r, c, v) =>
            this._ctx._model.writeCell(s, r, c, typedInput(v))
          );
        },
      },
      formulas: {
        fn(grid) {
          this._each2d(grid, "formulas", (s, r, c, v) =>
            this._ctx._model.writeCell(s, r, c, typedInput(v))
          );
        },
      },
      numberFormat: {
        fn(grid) {
          this._each2d(grid, "numberFormat", (s, r, c, v) =>
            this._ctx._model.writeCell(s, r, c, { nf: v || "General" })
          );
        },
      },
    }
  );
  Range.prototype.select = command(function () {
    const s = this._sheet();
    const b = this._resolve();
    this._ctx._model.selection = {
      sheet: s.name,
      areas: [{ top: b.top, left: b.left, bottom: b.bottom, right: b.right }],
    };
    this._ctx._model.active = s.name;
  });
  Range.prototype.clear = command(function (applyTo) {
    const s = this._sheet();
    const b = this._resolve();
    const what = applyTo || "All";
    for (const key of [...s.cells.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r < b.top || r > b.bottom || c < b.left || c > b.right) continue;
      if (what === "All") s.cells.delete(key);
      else if (what === "Contents") this._ctx._model.writeCell(s, r, c, { v: null, f: null });
      else if (what === "Formats")
        this._ctx._model.writeCell(s, r, c, {
          nf: "General",
          fill: null,
          bold: false,
          fontColor: null,
          st: null,
        });
    }
  });
  Range.prototype.setCellProperties = command(
    function (grid) {
      this._each2d(grid, "cellProperties", (s, r, c, p) => {
        const f = (p && p.format) || {};
        const patch = {};
        if (f.font && "bold" in f.font) patch.bold = f.font.bold === true;
        if (f.font && f.font.color) patch.fontColor = f.font.color;
        if (f.fill && f.fill.color) patch.fill = f.fill.color;
        this._ctx._model.writeCell(s, r, c, patch);
      });
    },
    "1.9",
    (grid) => jsonBytes(grid)
  );
  /** getCellProperties (ExcelApi 1.9): the style of each cell, as a ClientResult read after the sync. */
  Range.prototype.getCellProperties = function (wanted) {
    const result = new CellPropertiesResult(this._ctx);
    const range = this;
    this._ctx._enqueue(
      () => {
        result._staged = {
          value: range._grid((c) =>
            wanted && wanted.style ? { style: (c && c.st) || "Normal" } : {}
          ),
        };
        range._ctx._staged.add(result);
      },
      jsonBytes(wanted),
      "1.9"
    );
    return result;
  };
  Range.prototype.getCell = function (row, col) {
    const parent = this;
    return new Range(this._ctx, this._sheetRef, () => {
      const b = parent._resolve();
      return { top: b.top + row, left: b.left + col, bottom: b.top + row, right: b.left + col };
    });
  };
  Object.defineProperty(Range.prototype, "worksheet", {
    get() {
      return new Worksheet(this._ctx, this._sheetRef);
    },
  });

  function CellPropertiesResult(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(CellPropertiesResult);
  Object.defineProperty(CellPropertiesResult.prototype, "value", {
    get() {
      return this._read("value");
    },
  });

  // ----- styles (ExcelApi 1.7; getItemOrNullObject 1.14) -----
  function Style(ctx, name, orNull) {
    ClientObject.call(this, ctx);
    this._name = name;
    this._orNull = orNull;
  }
  inherit(Style);
  Style.prototype._isNull = function () {
    return this._orNull ? !this._ctx._model.styles.some((s) => sameName(s, this._name)) : false;
  };
  Style.prototype._compute = function (prop) {
    const found = this._ctx._model.styles.find((s) => sameName(s, this._name));
    if (!found && this._name !== "Normal")
      throw fakeError("ItemNotFound", "There is no style named " + this._name + ".");
    if (prop === "name") return found || "Normal";
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Style, ["isNullObject", "name"]);
  function StyleCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(StyleCollection);
  StyleCollection.prototype._items = function () {
    return ["Normal"].concat(this._ctx._model.styles).map((n) => new Style(this._ctx, n));
  };
  defineLoadable(StyleCollection, ["items"]);
  StyleCollection.prototype.load = function (props) {
    const self = this;
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : ["items"];
    this._ctx._enqueue(() => self._stage(list), jsonBytes(list), "1.7");
    return this;
  };
  StyleCollection.prototype.add = command(function (name) {
    const m = this._ctx._model;
    if (name === "Normal" || m.styles.some((s) => sameName(s, name)))
      throw fakeError("ItemAlreadyExists", "A style named " + name + " already exists.");
    m.styles.push(String(name));
  }, "1.7");
  StyleCollection.prototype.getItem = function (name) {
    return new Style(this._ctx, name);
  };
  StyleCollection.prototype.getItemOrNullObject = function (name) {
    const style = new Style(this._ctx, name, true);
    const ctx = this._ctx;
    style.load = function (props) {
      const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : ["name"];
      ctx._enqueue(() => style._stage(list), jsonBytes(list), "1.14");
      return style;
    };
    return style;
  };

  // ----- a multi-area selection (ExcelApi 1.9) -----
  function RangeAreas(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(RangeAreas);
  RangeAreas.prototype._compute = function (prop) {
    const sel = this._ctx._model.selection;
    if (prop === "areaCount") return sel.areas.length;
    if (prop === "address")
      return sel.areas.map((b) => quoteSheet(sel.sheet) + "!" + boxAddress(b)).join(",");
    if (prop === "cellCount")
      return sel.areas.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(RangeAreas, ["address", "areaCount", "cellCount"]);
  RangeAreas.prototype.load = function (props) {
    const self = this;
    const list =
      typeof props === "string" ? props.split(",").map((p) => p.trim()) : props || self._loadable;
    this._ctx._enqueue(() => self._stage(list), jsonBytes(list), "1.9");
    return this;
  };

  // ----- formats -----
  function RangeFormat(ctx, range) {
    this.fill = new RangeFill(ctx, range);
    this.font = new RangeFont(ctx, range);
  }
  function applyToCells(range, patch) {
    const s = range._sheet();
    const b = range._resolve();
    for (let row = b.top; row <= b.bottom; row++)
      for (let col = b.left; col <= b.right; col++) range._ctx._model.writeCell(s, row, col, patch);
  }
  function RangeFill(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  inherit(RangeFill);
  RangeFill.prototype._compute = function (prop) {
    if (prop !== "color") return ClientObject.prototype._compute.call(this, prop);
    const r = this._range;
    const b = r._resolve();
    const cell = this._ctx._model.cell(r._sheet(), b.top, b.left);
    return (cell && cell.fill) || "#FFFFFF";
  };
  RangeFill.prototype.clear = command(function () {
    applyToCells(this._range, { fill: null });
  });
  defineLoadable(RangeFill, ["color"], {
    color: {
      fn(v) {
        applyToCells(this._range, { fill: v });
      },
    },
  });
  function RangeFont(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  inherit(RangeFont);
  RangeFont.prototype._compute = function (prop) {
    const r = this._range;
    const b = r._resolve();
    const cell = this._ctx._model.cell(r._sheet(), b.top, b.left);
    if (prop === "bold") return !!(cell && cell.bold);
    if (prop === "color") return (cell && cell.fontColor) || "#000000";
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(RangeFont, ["bold", "color"], {
    bold: {
      fn(v) {
        applyToCells(this._range, { bold: v === true });
      },
    },
    color: {
      fn(v) {
        applyToCells(this._range, { fontColor: v });
      },
    },
  });

  // ----- conditional formats (ExcelApi 1.6) -----
  function ConditionalFormatCollection(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  inherit(ConditionalFormatCollection);
  /** As in Excel: the rules that intersect the range. */
  ConditionalFormatCollection.prototype._items = function () {
    const s = this._range._sheet();
    const b = this._range._resolve();
    return s.conditionalFormats
      .filter((rule) => overlaps(parseAddress(rule.range), b))
      .map((rule) => new ConditionalFormat(this._ctx, s, rule));
  };
  defineLoadable(ConditionalFormatCollection, ["items"]);

  /** One rule of a sheet, as a collection's items give it: its type, formula, range, delete(). */
  function ConditionalFormat(ctx, sheet, rule) {
    ClientObject.call(this, ctx);
    this._sheetModel = sheet;
    this._rule = rule;
    const alive = () => sheet.conditionalFormats.includes(rule);
    const gone = () => fakeError("ItemNotFound", "The conditional format no longer exists.");
    this.custom = { rule: new ConditionalFormatRule(ctx, rule, alive, gone) };
    this._alive = alive;
    this._gone = gone;
  }
  inherit(ConditionalFormat);
  ConditionalFormat.prototype._compute = function (prop) {
    if (!this._alive()) throw this._gone();
    if (prop === "type") return this._rule.type;
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(ConditionalFormat, ["type"]);
  ConditionalFormat.prototype.getRangeOrNullObject = function () {
    const rule = this._rule;
    const alive = this._alive;
    return new Range(
      this._ctx,
      this._sheetModel.name,
      () => (alive() ? parseAddress(rule.range) : null),
      { orNull: true }
    );
  };
  ConditionalFormat.prototype.delete = command(function () {
    if (!this._alive()) throw this._gone();
    const s = this._sheetModel;
    s.conditionalFormats = s.conditionalFormats.filter((r) => r !== this._rule);
  }, "1.6");
  function ConditionalFormatRule(ctx, rule, alive, gone) {
    ClientObject.call(this, ctx);
    this._rule = rule;
    this._aliveRule = alive;
    this._goneRule = gone;
  }
  inherit(ConditionalFormatRule);
  ConditionalFormatRule.prototype._compute = function (prop) {
    if (!this._aliveRule()) throw this._goneRule();
    if (prop === "formula") return this._rule.formula;
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(ConditionalFormatRule, ["formula"]);
  ConditionalFormatCollection.prototype.add = function (type) {
    const ctx = this._ctx;
    const range = this._range;
    const handle = { rule: null };
    ctx._enqueue(
      () => {
        if (type !== "Custom")
          throw fakeError("InvalidArgument", "Only custom rules are modelled by the test host.");
        const rule = {
          range: boxAddress(range._resolve()),
          type,
          formula: null,
          fill: null,
          fontColor: null,
        };
        range._sheet().conditionalFormats.push(rule);
        handle.rule = rule;
      },
      16,
      "1.6"
    );
    const set = (key, check) => (v) =>
      ctx._enqueue(
        () => {
          if (check) check(v);
          handle.rule[key] = v;
        },
        jsonBytes(v),
        "1.6"
      );
    const setFormula = set("formula", (v) => {
      const problem = formulaProblem(v);
      if (problem)
        throw fakeError(
          "InvalidArgument",
          "The formula " + JSON.stringify(v) + " is not valid: " + problem + "."
        );
    });
    const setFill = set("fill");
    const setFont = set("fontColor");
    return {
      custom: {
        rule: {
          set formula(v) {
            setFormula(v);
          },
        },
        format: {
          fill: {
            set color(v) {
              setFill(v);
            },
          },
          font: {
            set color(v) {
              setFont(v);
            },
          },
        },
      },
    };
  };
  ConditionalFormatCollection.prototype.clearAll = function () {
    const r = this._range;
    this._ctx._enqueue(
      () => {
        const s = r._sheet();
        const b = r._resolve();
        s.conditionalFormats = s.conditionalFormats.filter(
          (rule) => !overlaps(parseAddress(rule.range), b)
        );
      },
      16,
      "1.6"
    );
  };

  // ----- charts -----
  /** A chart proxy; its model is found (or made) at sync by `resolve`. */
  function Chart(ctx, sheetRef, resolve, orNull) {
    ClientObject.call(this, ctx);
    this._sheetRef = sheetRef;
    this._resolveModel = resolve;
    this._orNull = orNull;
    const self = this;
    const model = () => {
      const m = self._resolveModel();
      if (!m) throw fakeError("ItemNotFound", "The chart does not exist.");
      return m;
    };
    const queue = (fn, v, api) => ctx._enqueue(() => fn(model()), jsonBytes(v), api);
    this.title = {
      set text(v) {
        queue((c) => (c.title = v), v);
      },
    };
    this.legend = {
      set visible(v) {
        queue((c) => (c.legendVisible = v), v);
      },
    };
    this.series = {
      getItemAt(i) {
        const series = () => {
          const c = model();
          if (!Number.isInteger(i) || i < 0 || i >= c.series.length)
            throw fakeError("InvalidArgument", "The chart has no series at index " + i + ".");
          return c.series[i];
        };
        const setSeries = (fn, v, api) => ctx._enqueue(() => fn(series()), jsonBytes(v), api);
        return {
          set name(v) {
            setSeries((s) => (s.name = v), v);
          },
          setXAxisValues(range) {
            setSeries(
              (s) => {
                s.xAxis = range._sheet().name + "!" + boxAddress(range._resolve());
              },
              16,
              "1.7"
            );
          },
          points: {
            getItemAt(p) {
              const point = () => {
                const s = series();
                if (!Number.isInteger(p) || p < 0 || p >= s.count)
                  throw fakeError("InvalidArgument", "The series has no point at index " + p + ".");
                return s.points[p] || (s.points[p] = {});
              };
              const props = {};
              for (const key of [
                "markerStyle",
                "markerSize",
                "markerBackgroundColor",
                "markerForegroundColor",
                "hasDataLabel",
              ]) {
                props[key] = {
                  set(v) {
                    ctx._enqueue(() => (point()[key] = v), jsonBytes(v), "1.7");
                  },
                };
              }
              return Object.defineProperties({}, props);
            },
          },
        };
      },
    };
  }
  inherit(Chart);
  Chart.prototype._isNull = function () {
    return this._orNull ? !this._resolveModel() : false;
  };
  Chart.prototype._compute = function (prop) {
    const m = this._resolveModel();
    if (!m) throw fakeError("ItemNotFound", "The chart does not exist.");
    if (prop === "name") return m.name;
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Chart, ["isNullObject", "name"], {
    name: {
      fn(v) {
        const m = this._resolveModel();
        if (!m) throw fakeError("ItemNotFound", "The chart does not exist.");
        m.name = v;
      },
    },
  });
  Chart.prototype.setPosition = command(function (start, end) {
    const m = this._resolveModel();
    if (!m) throw fakeError("ItemNotFound", "The chart does not exist.");
    m.position = start + ":" + end;
  });
  Chart.prototype.delete = command(function () {
    const m = this._resolveModel();
    if (!m) throw fakeError("ItemNotFound", "The chart does not exist.");
    const s = this._ctx._model.sheet(
      typeof this._sheetRef === "function" ? this._sheetRef() : this._sheetRef
    );
    s.charts = s.charts.filter((c) => c !== m);
  });

  function ChartCollection(ctx, sheetRef) {
    ClientObject.call(this, ctx);
    this._sheetRef = sheetRef;
  }
  inherit(ChartCollection);
  ChartCollection.prototype._sheet = Range.prototype._sheet;
  ChartCollection.prototype._items = function () {
    const s = this._sheet();
    return s.charts.map(
      (m) => new Chart(this._ctx, s.name, () => (s.charts.includes(m) ? m : null))
    );
  };
  defineLoadable(ChartCollection, ["items"]);
  ChartCollection.prototype.add = function (type, source, seriesBy) {
    const ctx = this._ctx;
    const coll = this;
    let made = null;
    ctx._enqueue(() => {
      const s = coll._sheet();
      const b = source._resolve();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      // One series per column ("Columns") or per row ("Rows"); each as long as the other side.
      const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows >= cols);
      const seriesCount = byColumns ? cols : rows;
      const length = byColumns ? rows : cols;
      made = {
        name: "Chart " + (s.charts.length + 1),
        type,
        source: source._sheet().name + "!" + boxAddress(b),
        seriesBy,
        title: null,
        series: Array.from({ length: seriesCount }, () => ({
          name: null,
          xAxis: null,
          count: length,
          points: {},
        })),
        position: null,
      };
      s.charts.push(made);
    }, 64);
    return new Chart(ctx, this._sheetRef, () => made);
  };
  ChartCollection.prototype.getItemOrNullObject = function (name) {
    const coll = this;
    const ctx = this._ctx;
    return new Chart(
      ctx,
      this._sheetRef,
      () => {
        const s = ctx._model.sheet(
          typeof coll._sheetRef === "function" ? coll._sheetRef() : coll._sheetRef
        );
        return (s && s.charts.find((c) => sameName(c.name, name))) || null;
      },
      true
    );
  };
  ChartCollection.prototype.getItem = function (name) {
    const chart = this.getItemOrNullObject(name);
    chart._orNull = false;
    return chart;
  };

  // ----- worksheets -----
  function Worksheet(ctx, sheetRef, orNull) {
    ClientObject.call(this, ctx);
    this._sheetRef = sheetRef;
    this._orNull = orNull;
    this.charts = new ChartCollection(ctx, sheetRef);
  }
  inherit(Worksheet);
  Worksheet.prototype._name = function () {
    return typeof this._sheetRef === "function" ? this._sheetRef() : this._sheetRef;
  };
  Worksheet.prototype._sheet = Range.prototype._sheet;
  Worksheet.prototype._isNull = function () {
    return this._orNull ? !this._ctx._model.sheet(this._name()) : false;
  };
  Worksheet.prototype._compute = function (prop) {
    const s = this._sheet();
    if (prop === "name") return s.name;
    if (prop === "position") return this._ctx._model.sheets.indexOf(s);
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Worksheet, ["isNullObject", "name", "position"]);
  Worksheet.prototype.getRange = function (address) {
    const box = parseAddress(address || "A1");
    return new Range(this._ctx, this._sheetRef, box);
  };
  Worksheet.prototype._used = function (valuesOnly, orNull) {
    const self = this;
    const api = orNull ? "1.4" : valuesOnly ? "1.2" : "1.1";
    const range = new Range(
      this._ctx,
      this._sheetRef,
      () => {
        if (!versionAtLeast(self._ctx._model.excelApi, api))
          throw fakeError(
            "ApiNotFound",
            "getUsedRange" + (orNull ? "OrNullObject" : "") + " needs ExcelApi " + api + "."
          );
        const box = self._ctx._model.usedBox(self._sheet(), valuesOnly === true);
        if (!box && !orNull) return { top: 0, left: 0, bottom: 0, right: 0 };
        return box;
      },
      { orNull }
    );
    return range;
  };
  Worksheet.prototype.getUsedRangeOrNullObject = function (valuesOnly) {
    return this._used(valuesOnly, true);
  };
  Worksheet.prototype.getUsedRange = function (valuesOnly) {
    return this._used(valuesOnly, false);
  };
  Worksheet.prototype.activate = command(function () {
    this._ctx._model.active = this._sheet().name;
  });
  Worksheet.prototype.delete = command(function () {
    const m = this._ctx._model;
    const s = this._sheet();
    if (m.sheets.length === 1)
      throw fakeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    m.sheets = m.sheets.filter((x) => x !== s);
    if (m.active === s.name) m.active = m.sheets[0].name;
    if (m.selection && m.selection.sheet === s.name)
      m.selection = { sheet: m.active, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
  });

  function WorksheetCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(WorksheetCollection);
  WorksheetCollection.prototype._items = function () {
    return this._ctx._model.sheets.map((s) => new Worksheet(this._ctx, s.name));
  };
  defineLoadable(WorksheetCollection, ["items"]);
  WorksheetCollection.prototype.getActiveWorksheet = function () {
    const model = this._ctx._model;
    return new Worksheet(this._ctx, () => model.active);
  };
  WorksheetCollection.prototype.getItem = function (name) {
    return new Worksheet(this._ctx, name);
  };
  WorksheetCollection.prototype.getItemOrNullObject = function (name) {
    return new Worksheet(this._ctx, name, true);
  };
  WorksheetCollection.prototype.add = function (name) {
    const ctx = this._ctx;
    ctx._enqueue(() => {
      if (!/^[^\\/?*[\]:]{1,31}$/.test(name) || /^'|'$/.test(name))
        throw fakeError("InvalidArgument", "The sheet name " + name + " is not valid.");
      ctx._model.addSheet(name);
    }, jsonBytes(name));
    return new Worksheet(ctx, name);
  };

  // ----- names -----
  function NamedItem(ctx, key, orNull) {
    ClientObject.call(this, ctx);
    this._key = key;
    this._orNull = orNull;
  }
  inherit(NamedItem);
  NamedItem.prototype._model = function () {
    return this._ctx._model.names.find((n) => sameName(n.name, this._key)) || null;
  };
  NamedItem.prototype._isNull = function () {
    return this._orNull ? !this._model() : false;
  };
  NamedItem.prototype._compute = function (prop) {
    const m = this._model();
    if (!m) throw fakeError("ItemNotFound", "The name " + this._key + " does not exist.");
    if (prop === "type") return "Range";
    if (prop === "value") return m.formula.replace(/^=/, "");
    if (prop === "formula" && !versionAtLeast(this._ctx._model.excelApi, "1.7"))
      throw fakeError("ApiNotFound", "NamedItem.formula needs ExcelApi 1.7.");
    if (prop in m) return m[prop];
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(NamedItem, ["isNullObject", "name", "formula", "comment", "type", "value"], {
    comment: {
      fn(v) {
        const m = this._model();
        if (!m) throw fakeError("ItemNotFound", "The name " + this._key + " does not exist.");
        m.comment = String(v);
      },
      api: "1.4",
    },
  });
  NamedItem.prototype.delete = command(function () {
    const m = this._model();
    if (!m) throw fakeError("ItemNotFound", "The name " + this._key + " does not exist.");
    this._ctx._model.names = this._ctx._model.names.filter((n) => n !== m);
  }, "1.4");
  NamedItem.prototype.getRange = function () {
    const self = this;
    let box = null;
    const resolve = () => {
      const m = self._model();
      if (!m) throw fakeError("ItemNotFound", "The name " + self._key + " does not exist.");
      box = parseAddress(m.formula);
      return box;
    };
    return new Range(
      this._ctx,
      () => (box || resolve()).sheet,
      () => box || resolve()
    );
  };
  function NamedItemCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(NamedItemCollection);
  NamedItemCollection.prototype._items = function () {
    return this._ctx._model.names.map((n) => new NamedItem(this._ctx, n.name));
  };
  defineLoadable(NamedItemCollection, ["items"]);
  NamedItemCollection.prototype.add = function (name, reference, comment) {
    const ctx = this._ctx;
    const formulaText = typeof reference === "string" ? reference : null;
    ctx._enqueue(
      () => {
        const m = ctx._model;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw fakeError("InvalidArgument", "Invalid name " + name);
        if (m.names.some((n) => sameName(n.name, name)))
          throw fakeError("ItemAlreadyExists", "The name " + name + " already exists.");
        let formula;
        if (formulaText !== null) {
          formula = formulaText.startsWith("=") ? formulaText : "=" + formulaText;
          const box = parseAddress(formula);
          if (box.sheet && !m.sheet(box.sheet))
            throw fakeError("InvalidReference", "The reference " + formula + " is not valid.");
        } else {
          formula =
            "=" + quoteSheet(reference._sheet().name) + "!" + boxAddress(reference._resolve());
        }
        m.names.push({ name, formula, comment: comment || "" });
      },
      jsonBytes([name, formulaText, comment]),
      "1.4"
    );
    return new NamedItem(ctx, name);
  };
  NamedItemCollection.prototype.getItem = function (name) {
    return new NamedItem(this._ctx, name);
  };
  NamedItemCollection.prototype.getItemOrNullObject = function (name) {
    return new NamedItem(this._ctx, name, true);
  };

  // ----- notes (ExcelApi 1.18) -----
  function noteKey(ctx, cellAddress) {
    if (typeof cellAddress !== "string") {
      const b = cellAddress._resolve();
      return cellAddress._sheet().name + "!" + a1(b.top, b.left);
    }
    const box = parseAddress(cellAddress);
    if (box.top !== box.bottom || box.left !== box.right)
      throw fakeError("InvalidArgument", "A note belongs to one cell.");
    const sheet = ctx._model.sheet(box.sheet || ctx._model.active);
    if (!sheet) throw fakeError("ItemNotFound", "The sheet " + box.sheet + " does not exist.");
    return sheet.name + "!" + a1(box.top, box.left);
  }
  function Note(ctx, cellAddress, orNull) {
    ClientObject.call(this, ctx);
    this._cell = cellAddress;
    this._orNull = orNull;
  }
  inherit(Note);
  Note.prototype._isNull = function () {
    return this._orNull ? !this._ctx._model.notes.has(noteKey(this._ctx, this._cell)) : false;
  };
  Note.prototype._compute = function (prop) {
    const key = noteKey(this._ctx, this._cell);
    if (!this._ctx._model.notes.has(key)) throw fakeError("ItemNotFound", "No note at " + key);
    if (prop === "content") return this._ctx._model.notes.get(key);
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Note, ["isNullObject", "content"]);
  Note.prototype.load = function (props) {
    const self = this;
    const list = typeof props === "string" ? [props] : props || self._loadable;
    this._ctx._enqueue(() => self._stage(list), 16, "1.18");
    return this;
  };
  Note.prototype.delete = command(function () {
    const key = noteKey(this._ctx, this._cell);
    if (!this._ctx._model.notes.has(key)) throw fakeError("ItemNotFound", "No note at " + key);
    this._ctx._model.notes.delete(key);
  }, "1.18");
  function NoteCollection(ctx) {
    this._ctx = ctx;
  }
  NoteCollection.prototype.add = function (cellAddress, content) {
    const ctx = this._ctx;
    ctx._enqueue(
      () => {
        const key = noteKey(ctx, cellAddress);
        if (ctx._model.notes.has(key))
          throw fakeError("InvalidArgument", "The cell already has a note: " + key);
        ctx._model.notes.set(key, String(content));
      },
      jsonBytes(content),
      "1.18"
    );
    return new Note(ctx, cellAddress);
  };
  NoteCollection.prototype.getItemOrNullObject = function (cellAddress) {
    return new Note(this._ctx, cellAddress, true);
  };
  NoteCollection.prototype.getItem = function (cellAddress) {
    return new Note(this._ctx, cellAddress);
  };

  // ----- worksheet functions (ExcelApi 1.2): only DATE, in the workbook's date system -----
  function FunctionResult(ctx, compute) {
    ClientObject.call(this, ctx);
    this._value = compute;
  }
  inherit(FunctionResult);
  FunctionResult.prototype._compute = function (prop) {
    if (prop === "value") return this._value();
    if (prop === "error") return null;
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(FunctionResult, ["value", "error"]);
  function Functions(ctx) {
    this._ctx = ctx;
  }
  /** DATE(year, month, day): days since 30 Dec 1899, or since 1 Jan 1904 in a 1904 workbook. */
  Functions.prototype.date = function (year, month, day) {
    const model = this._ctx._model;
    const epoch = model.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return new FunctionResult(this._ctx, () =>
      Math.round((Date.UTC(year, month - 1, day) - epoch) / 86400000)
    );
  };

  // ----- workbook -----
  function Workbook(ctx) {
    const model = ctx._model;
    this._ctx = ctx;
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
    this.notes = new NoteCollection(ctx);
    this.styles = new StyleCollection(ctx);
    this.functions = new Functions(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync() {
        ctx._enqueue(() => (model.calculationSuspended = true), 16, "1.6");
      },
    };
  }
  /** The selection as one range; a multi-area selection makes the sync fail, as in Excel. */
  Workbook.prototype.getSelectedRange = function () {
    const model = this._ctx._model;
    const area = () => {
      const sel = model.selection;
      if (!sel) throw fakeError("ItemNotFound", "Nothing is selected.");
      if (sel.areas.length > 1)
        throw fakeError(
          "InvalidSelection",
          "The current selection is invalid for this operation (it has several areas)."
        );
      return sel.areas[0];
    };
    return new Range(this._ctx, () => model.selection && model.selection.sheet, area);
  };
  Workbook.prototype.getSelectedRanges = function () {
    return new RangeAreas(this._ctx);
  };

  /** A fake host over a workbook given as { sheets: [SheetSnapshot-like], active?, selection? }. */
  function createFakeExcel(data, options) {
    const model = new Model(data, options);
    const actions = new Map();
    const Excel = {
      run(batch) {
        const ctx = new RequestContext(model);
        return Promise.resolve()
          .then(() => batch(ctx))
          .then((result) => (ctx._queue.length > 0 ? ctx.sync().then(() => result) : result));
      },
      RequestContext: function () {
        return new RequestContext(model);
      },
      ConditionalFormatType: { custom: "Custom" },
      ChartType: { line: "Line" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      ClearApplyTo: { all: "All", contents: "Contents", formats: "Formats" },
      ErrorCodes: {
        apiNotFound: "ApiNotFound",
        invalidArgument: "InvalidArgument",
        invalidSelection: "InvalidSelection",
        itemNotFound: "ItemNotFound",
        rangeExceedsLimit: "RangeExceedsLimit",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      },
    };
    const Office = {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
      onReady(callback) {
        const info = { host: "Excel", platform: "OfficeOnline" };
        return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
          if (callback) callback(info);
          return info;
        });
      },
      context: {
        requirements: {
          isSetSupported(name, version) {
            if (name !== "ExcelApi") return false;
            return version === undefined || versionAtLeast(model.excelApi, version);
          },
        },
        ui: {
          displayDialogAsync(url, options, callback) {
            model.dialogs = (model.dialogs || []).concat(url);
            if (callback)
              callback({ status: "succeeded", value: { close() {}, addEventHandler() {} } });
          },
        },
      },
      actions: {
        associate(name, fn) {
          actions.set(name, fn);
        },
      },
      addin: {
        showAsTaskpane() {
          model.taskpaneShown = true;
          return Promise.resolve();
        },
      },
    };
    return { Excel, Office, model, actions, newContext: () => new RequestContext(model) };
  }

  const api = {
    createFakeExcel,
    parseAddress,
    a1,
    quoteSheet,
    formulaProblem,
    MAX_PAYLOAD_BYTES,
    MAX_READ_CELLS,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window !== "undefined") {
    window.__fakeExcel = api;
    // Served in place of office.js: a workbook prepared by the test before this script ran.
    const host = createFakeExcel(
      window.__itosWorkbook || { sheets: [{ sheetName: "Sheet1", values: [] }] },
      window.__itosHostOptions
    );
    window.__fakeHost = host;
    window.Excel = host.Excel;
    window.Office = host.Office;
    // The custom functions bundle shares the page; Excel would register them, here they are kept.
    window.CustomFunctions = {
      associate(id, fn) {
        (host.model.functions = host.model.functions || {})[id] = fn;
      },
      Error: function (code, message) {
        this.code = code;
        this.message = message;
      },
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
      },
    };
  }
})();
