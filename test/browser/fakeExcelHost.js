/**
 * An in-memory stand-in for Excel: the slice of the Office.js API the ITOS adapter uses
 * (worksheets, ranges, names, notes, conditional formats, charts, selection), backed by a plain
 * workbook model. It keeps Office.js's batching rules: load() queues a read, the value is
 * readable only after context.sync(), and reading an unloaded property throws as Excel does.
 * Writes apply in call order, which is the order Excel runs a batch in.
 *
 * Works as a browser script (served in place of office.js: window.Office / window.Excel) and as a
 * CommonJS module for jest (createFakeExcel).
 */
/* global window, module, setTimeout */
(function () {
  "use strict";

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
  /** "'Sheet 1'!$A$1:B2" -> { sheet|null, top, left, bottom, right } */
  function parseAddress(address) {
    const text = String(address).replace(/^=/, "");
    const bang = text.lastIndexOf("!");
    const sheet = bang >= 0 ? unquoteSheet(text.slice(0, bang)) : null;
    const local = text.slice(bang + 1).replace(/\$/g, "");
    const parts = local.split(":");
    const corner = (p) => {
      const m = /^([A-Za-z]{1,3})(\d+)$/.exec(p.trim());
      if (!m) throw fakeError("InvalidArgument", "The argument is invalid or missing: " + address);
      return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
    };
    const s = corner(parts[0]);
    const e = corner(parts[1] || parts[0]);
    return {
      sheet,
      top: Math.min(s.row, e.row),
      left: Math.min(s.col, e.col),
      bottom: Math.max(s.row, e.row),
      right: Math.max(s.col, e.col),
    };
  }
  function boxAddress(box) {
    const s = a1(box.top, box.left);
    const e = a1(box.bottom, box.right);
    return s === e ? s : s + ":" + e;
  }
  function fakeError(code, message) {
    const e = new Error(message);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }

  // ---------- the workbook model ----------
  function isErrorValue(v) {
    return v !== null && typeof v === "object" && "error" in v;
  }
  function emptyCell(cell) {
    return (
      !cell ||
      ((cell.v === null || cell.v === undefined || cell.v === "") &&
        !cell.f &&
        (!cell.nf || cell.nf === "General") &&
        !cell.fill &&
        !cell.bold &&
        !cell.fontColor)
    );
  }

  function Model(data) {
    this.sheets = [];
    this.names = [];
    this.notes = new Map();
    this.syncs = 0;
    this.selection = null;
    for (const s of (data && data.sheets) || []) this.addSheet(s.sheetName || s.name, s);
    this.active = (data && data.active) || (this.sheets[0] && this.sheets[0].name) || null;
    if (this.active) this.selection = { sheet: this.active, top: 0, left: 0, bottom: 0, right: 0 };
  }
  Model.prototype.addSheet = function (name, snapshot) {
    if (this.sheet(name))
      throw fakeError("ItemAlreadyExists", "A sheet named " + name + " already exists.");
    const sheet = { name, cells: new Map(), charts: [], conditionalFormats: [] };
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
    this.sheets.push(sheet);
    return sheet;
  };
  Model.prototype.sheet = function (name) {
    return this.sheets.find((s) => s.name === name) || null;
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
    if (emptyCell(cell)) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  };
  /** Plain JSON of every sheet's cells, names, notes, charts and CF rules, for assertions. */
  Model.prototype.dump = function () {
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
      notes: Object.fromEntries(this.notes.entries()),
      selection: this.selection ? this.selection.sheet + "!" + boxAddress(this.selection) : null,
      active: this.active,
    };
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
    else list = Object.keys(props.select ? props.select.split(",") : props);
    this._stage(list);
    return this;
  };
  ClientObject.prototype._stage = function (list) {
    const staged = this._staged || {};
    // As in Office.js, any load of an *OrNullObject result also tells whether it is null.
    if (this._loadable.includes("isNullObject"))
      staged.isNullObject = this._compute("isNullObject");
    for (const prop of list) {
      const top = prop.split("/")[0];
      if (top === "items" && this._items) {
        const sub = list.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
        const items = this._items();
        items.forEach((item) => item._stage(sub.length ? sub : item._loadable));
        staged.items = items;
      } else {
        staged[top] = this._compute(top);
      }
    }
    this._staged = staged;
    this._ctx._pending.add(this);
  };
  ClientObject.prototype._commit = function () {
    Object.assign(this._data, this._staged || {});
    this._staged = null;
  };
  ClientObject.prototype._compute = function (prop) {
    throw fakeError("PropertyNotLoaded", "Cannot load property " + prop);
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
        desc.set = function (v) {
          setters[prop].call(this, v);
        };
      }
      Object.defineProperty(Ctor.prototype, prop, desc);
    }
  }
  function inherit(Ctor) {
    Ctor.prototype = Object.create(ClientObject.prototype);
    Ctor.prototype.constructor = Ctor;
  }

  // ----- Range -----
  function Range(ctx, sheetName, box) {
    ClientObject.call(this, ctx);
    this._sheetName = sheetName;
    this._box = box;
    this.format = new RangeFormat(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, this);
  }
  inherit(Range);
  Range.prototype._sheet = function () {
    const s = this._ctx._model.sheet(this._sheetName);
    if (!s) throw fakeError("ItemNotFound", "The sheet " + this._sheetName + " does not exist.");
    return s;
  };
  Range.prototype._grid = function (fn) {
    const s = this._sheet();
    const out = [];
    for (let r = this._box.top; r <= this._box.bottom; r++) {
      const row = [];
      for (let c = this._box.left; c <= this._box.right; c++)
        row.push(fn(this._ctx._model.cell(s, r, c)));
      out.push(row);
    }
    return out;
  };
  Range.prototype._compute = function (prop) {
    const b = this._box;
    switch (prop) {
      case "isNullObject":
        return false;
      case "address":
        return quoteSheet(this._sheetName) + "!" + boxAddress(b);
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
      default:
        return ClientObject.prototype._compute.call(this, prop);
    }
  };
  Range.prototype._each2d = function (grid, name, fn) {
    const rows = this._box.bottom - this._box.top + 1;
    const cols = this._box.right - this._box.left + 1;
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
      for (let j = 0; j < cols; j++) fn(s, this._box.top + i, this._box.left + j, grid[i][j]);
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
    ],
    {
      values(grid) {
        this._each2d(grid, "values", (s, r, c, v) =>
          this._ctx._model.writeCell(s, r, c, typedInput(v))
        );
      },
      formulas(grid) {
        this._each2d(grid, "formulas", (s, r, c, v) =>
          this._ctx._model.writeCell(s, r, c, typedInput(v))
        );
      },
      numberFormat(grid) {
        this._each2d(grid, "numberFormat", (s, r, c, v) =>
          this._ctx._model.writeCell(s, r, c, { nf: v || "General" })
        );
      },
    }
  );
  Range.prototype.select = function () {
    this._sheet();
    const b = this._box;
    this._ctx._model.selection = {
      sheet: this._sheetName,
      top: b.top,
      left: b.left,
      bottom: b.bottom,
      right: b.right,
    };
    this._ctx._model.active = this._sheetName;
  };
  Range.prototype.clear = function (applyTo) {
    const s = this._sheet();
    const what = applyTo || "All";
    for (let r = this._box.top; r <= this._box.bottom; r++) {
      for (let c = this._box.left; c <= this._box.right; c++) {
        if (what === "All") s.cells.delete(r + "," + c);
        else if (what === "Contents") this._ctx._model.writeCell(s, r, c, { v: null, f: null });
        else if (what === "Formats")
          this._ctx._model.writeCell(s, r, c, {
            nf: "General",
            fill: null,
            bold: false,
            fontColor: null,
          });
      }
    }
  };
  Range.prototype.setCellProperties = function (grid) {
    this._each2d(grid, "cellProperties", (s, r, c, p) => {
      const f = (p && p.format) || {};
      const patch = {};
      if (f.font && "bold" in f.font) patch.bold = f.font.bold === true;
      if (f.font && f.font.color) patch.fontColor = f.font.color;
      if (f.fill && f.fill.color) patch.fill = f.fill.color;
      this._ctx._model.writeCell(s, r, c, patch);
    });
  };
  Range.prototype.getCell = function (row, col) {
    const r = this._box.top + row;
    const c = this._box.left + col;
    return new Range(this._ctx, this._sheetName, { top: r, left: c, bottom: r, right: c });
  };
  Object.defineProperty(Range.prototype, "worksheet", {
    get() {
      return new Worksheet(this._ctx, this._sheetName);
    },
  });

  function NullRange(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(NullRange);
  NullRange.prototype._compute = function (prop) {
    return prop === "isNullObject" ? true : null;
  };
  defineLoadable(NullRange, [
    "isNullObject",
    "address",
    "values",
    "valueTypes",
    "formulas",
    "numberFormat",
    "cellCount",
  ]);

  // ----- formats -----
  function RangeFormat(ctx, range) {
    this.fill = new RangeFill(ctx, range);
    this.font = new RangeFont(ctx, range);
  }
  function RangeFill(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  inherit(RangeFill);
  RangeFill.prototype._compute = function (prop) {
    if (prop !== "color") return ClientObject.prototype._compute.call(this, prop);
    const r = this._range;
    const cell = this._ctx._model.cell(r._sheet(), r._box.top, r._box.left);
    return (cell && cell.fill) || "#FFFFFF";
  };
  RangeFill.prototype._apply = function (patch) {
    const r = this._range;
    const s = r._sheet();
    for (let row = r._box.top; row <= r._box.bottom; row++)
      for (let col = r._box.left; col <= r._box.right; col++)
        this._ctx._model.writeCell(s, row, col, patch);
  };
  RangeFill.prototype.clear = function () {
    this._apply({ fill: null });
  };
  defineLoadable(RangeFill, ["color"], {
    color(v) {
      this._apply({ fill: v });
    },
  });
  function RangeFont(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  inherit(RangeFont);
  defineLoadable(RangeFont, ["bold", "color"], {
    bold(v) {
      RangeFill.prototype._apply.call(this, { bold: v === true });
    },
    color(v) {
      RangeFill.prototype._apply.call(this, { fontColor: v });
    },
  });

  // ----- conditional formats -----
  function ConditionalFormatCollection(ctx, range) {
    this._ctx = ctx;
    this._range = range;
  }
  ConditionalFormatCollection.prototype.add = function (type) {
    if (type !== "Custom")
      throw fakeError("InvalidArgument", "Only custom rules are supported by the fake host.");
    const r = this._range;
    const rule = { range: boxAddress(r._box), type, formula: null, fill: null, fontColor: null };
    r._sheet().conditionalFormats.push(rule);
    return {
      custom: {
        rule: {
          set formula(v) {
            rule.formula = v;
          },
        },
        format: {
          fill: {
            set color(v) {
              rule.fill = v;
            },
          },
          font: {
            set color(v) {
              rule.fontColor = v;
            },
          },
        },
      },
    };
  };
  ConditionalFormatCollection.prototype.clearAll = function () {
    const r = this._range;
    const s = r._sheet();
    s.conditionalFormats = s.conditionalFormats.filter((rule) => {
      const b = parseAddress(rule.range);
      const overlaps =
        b.top <= r._box.bottom &&
        b.bottom >= r._box.top &&
        b.left <= r._box.right &&
        b.right >= r._box.left;
      return !overlaps;
    });
  };

  // ----- charts -----
  function Chart(ctx, sheetName, model) {
    ClientObject.call(this, ctx);
    this._sheetName = sheetName;
    this._model = model;
    const chart = model;
    this.title = {
      set text(v) {
        chart.title = v;
      },
    };
    this.legend = {
      set visible(v) {
        chart.legendVisible = v;
      },
    };
    this.series = {
      getItemAt(i) {
        const s = chart.series[i] || (chart.series[i] = { name: null, xAxis: null, points: {} });
        return {
          set name(v) {
            s.name = v;
          },
          setXAxisValues(range) {
            s.xAxis = range._sheetName + "!" + boxAddress(range._box);
          },
          points: {
            getItemAt(p) {
              const point = s.points[p] || (s.points[p] = {});
              const setter = (key) => ({
                set(v) {
                  point[key] = v;
                },
              });
              return Object.defineProperties(
                {},
                {
                  markerStyle: setter("markerStyle"),
                  markerSize: setter("markerSize"),
                  markerBackgroundColor: setter("markerBackgroundColor"),
                  markerForegroundColor: setter("markerForegroundColor"),
                  hasDataLabel: setter("hasDataLabel"),
                }
              );
            },
          },
        };
      },
    };
  }
  inherit(Chart);
  Chart.prototype._compute = function (prop) {
    if (prop === "isNullObject") return false;
    if (prop === "name") return this._model.name;
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Chart, ["isNullObject", "name"], {
    name(v) {
      this._model.name = v;
    },
  });
  Chart.prototype.setPosition = function (start, end) {
    this._model.position = start + ":" + end;
  };
  Chart.prototype.delete = function () {
    const s = this._ctx._model.sheet(this._sheetName);
    s.charts = s.charts.filter((c) => c !== this._model);
  };
  function NullObject(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(NullObject);
  NullObject.prototype._compute = function (prop) {
    return prop === "isNullObject" ? true : null;
  };
  defineLoadable(NullObject, ["isNullObject", "name"]);
  NullObject.prototype.delete = function () {
    throw fakeError("InvalidObjectPath", "The object does not exist (null object).");
  };

  function ChartCollection(ctx, sheetName) {
    this._ctx = ctx;
    this._sheetName = sheetName;
  }
  ChartCollection.prototype.add = function (type, source, seriesBy) {
    const s = this._ctx._model.sheet(this._sheetName);
    const model = {
      name: "Chart " + (s.charts.length + 1),
      type,
      source: source._sheetName + "!" + boxAddress(source._box),
      seriesBy,
      title: null,
      series: [],
      position: null,
    };
    s.charts.push(model);
    return new Chart(this._ctx, this._sheetName, model);
  };
  ChartCollection.prototype.getItemOrNullObject = function (name) {
    const s = this._ctx._model.sheet(this._sheetName);
    const found = s && s.charts.find((c) => c.name === name);
    return found ? new Chart(this._ctx, this._sheetName, found) : new NullObject(this._ctx);
  };
  ChartCollection.prototype.getItem = function (name) {
    const c = this.getItemOrNullObject(name);
    if (c instanceof NullObject) throw fakeError("ItemNotFound", "No chart named " + name);
    return c;
  };

  // ----- worksheets -----
  function Worksheet(ctx, name) {
    ClientObject.call(this, ctx);
    this._name = name;
    this.charts = new ChartCollection(ctx, name);
  }
  inherit(Worksheet);
  Worksheet.prototype._compute = function (prop) {
    if (prop === "isNullObject") return false;
    if (prop === "name") return this._name;
    if (prop === "position") return this._ctx._model.sheets.findIndex((s) => s.name === this._name);
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Worksheet, ["isNullObject", "name", "position"]);
  Worksheet.prototype.getRange = function (address) {
    const box = parseAddress(address || "A1");
    return new Range(this._ctx, this._name, box);
  };
  Worksheet.prototype.getUsedRangeOrNullObject = function () {
    const s = this._ctx._model.sheet(this._name);
    let box = null;
    for (const key of s.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
    }
    return box ? new Range(this._ctx, this._name, box) : new NullRange(this._ctx);
  };
  Worksheet.prototype.getUsedRange = function () {
    const r = this.getUsedRangeOrNullObject();
    return r instanceof NullRange
      ? new Range(this._ctx, this._name, { top: 0, left: 0, bottom: 0, right: 0 })
      : r;
  };
  Worksheet.prototype.activate = function () {
    this._ctx._model.active = this._name;
  };
  Worksheet.prototype.delete = function () {
    const m = this._ctx._model;
    m.sheets = m.sheets.filter((s) => s.name !== this._name);
    if (m.active === this._name) m.active = m.sheets[0] ? m.sheets[0].name : null;
    if (m.selection && m.selection.sheet === this._name)
      m.selection = { sheet: m.active, top: 0, left: 0, bottom: 0, right: 0 };
  };

  function WorksheetCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(WorksheetCollection);
  WorksheetCollection.prototype._items = function () {
    return this._ctx._model.sheets.map((s) => new Worksheet(this._ctx, s.name));
  };
  defineLoadable(WorksheetCollection, ["items"]);
  WorksheetCollection.prototype.getActiveWorksheet = function () {
    return new Worksheet(this._ctx, this._ctx._model.active);
  };
  WorksheetCollection.prototype.getItem = function (name) {
    if (!this._ctx._model.sheet(name))
      throw fakeError("ItemNotFound", "The requested resource doesn't exist: sheet " + name);
    return new Worksheet(this._ctx, name);
  };
  WorksheetCollection.prototype.getItemOrNullObject = function (name) {
    return this._ctx._model.sheet(name)
      ? new Worksheet(this._ctx, name)
      : new NullObject(this._ctx);
  };
  WorksheetCollection.prototype.add = function (name) {
    this._ctx._model.addSheet(name);
    return new Worksheet(this._ctx, name);
  };

  // ----- names -----
  function NamedItem(ctx, model) {
    ClientObject.call(this, ctx);
    this._model = model;
  }
  inherit(NamedItem);
  NamedItem.prototype._compute = function (prop) {
    if (prop === "isNullObject") return false;
    if (prop === "type") return "Range";
    if (prop === "value") return this._model.formula.replace(/^=/, "");
    if (prop in this._model) return this._model[prop];
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(NamedItem, ["isNullObject", "name", "formula", "comment", "type", "value"]);
  NamedItem.prototype.delete = function () {
    const m = this._ctx._model;
    m.names = m.names.filter((n) => n !== this._model);
  };
  NamedItem.prototype.getRange = function () {
    const box = parseAddress(this._model.formula);
    return new Range(this._ctx, box.sheet, box);
  };
  function NamedItemCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  inherit(NamedItemCollection);
  NamedItemCollection.prototype._items = function () {
    return this._ctx._model.names.map((n) => new NamedItem(this._ctx, n));
  };
  defineLoadable(NamedItemCollection, ["items"]);
  NamedItemCollection.prototype.add = function (name, reference, comment) {
    const m = this._ctx._model;
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
      throw fakeError("InvalidArgument", "Invalid name " + name);
    if (m.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw fakeError("ItemAlreadyExists", "The name " + name + " already exists.");
    }
    const formula =
      typeof reference === "string"
        ? reference.startsWith("=")
          ? reference
          : "=" + reference
        : "=" + quoteSheet(reference._sheetName) + "!" + boxAddress(reference._box);
    const model = { name, formula, comment: comment || "" };
    m.names.push(model);
    return new NamedItem(this._ctx, model);
  };
  NamedItemCollection.prototype.getItem = function (name) {
    const found = this._ctx._model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!found) throw fakeError("ItemNotFound", "The name " + name + " does not exist.");
    return new NamedItem(this._ctx, found);
  };
  NamedItemCollection.prototype.getItemOrNullObject = function (name) {
    const found = this._ctx._model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return found ? new NamedItem(this._ctx, found) : new NullObject(this._ctx);
  };

  // ----- notes -----
  function noteKey(ctx, cellAddress) {
    if (typeof cellAddress !== "string")
      return cellAddress._sheetName + "!" + a1(cellAddress._box.top, cellAddress._box.left);
    const box = parseAddress(cellAddress);
    if (box.top !== box.bottom || box.left !== box.right)
      throw fakeError("InvalidArgument", "A note belongs to one cell.");
    return (box.sheet || ctx._model.active) + "!" + a1(box.top, box.left);
  }
  function Note(ctx, key) {
    ClientObject.call(this, ctx);
    this._key = key;
  }
  inherit(Note);
  Note.prototype._compute = function (prop) {
    if (prop === "isNullObject") return false;
    if (prop === "content") return this._ctx._model.notes.get(this._key);
    return ClientObject.prototype._compute.call(this, prop);
  };
  defineLoadable(Note, ["isNullObject", "content"]);
  Note.prototype.delete = function () {
    this._ctx._model.notes.delete(this._key);
  };
  function NoteCollection(ctx) {
    this._ctx = ctx;
  }
  NoteCollection.prototype.add = function (cellAddress, content) {
    const key = noteKey(this._ctx, cellAddress);
    if (this._ctx._model.notes.has(key))
      throw fakeError("InvalidArgument", "The cell already has a note: " + key);
    this._ctx._model.notes.set(key, String(content));
    return new Note(this._ctx, key);
  };
  NoteCollection.prototype.getItemOrNullObject = function (cellAddress) {
    const key = noteKey(this._ctx, cellAddress);
    return this._ctx._model.notes.has(key) ? new Note(this._ctx, key) : new NullObject(this._ctx);
  };
  NoteCollection.prototype.getItem = function (cellAddress) {
    const key = noteKey(this._ctx, cellAddress);
    if (!this._ctx._model.notes.has(key)) throw fakeError("ItemNotFound", "No note at " + key);
    return new Note(this._ctx, key);
  };

  // ----- context -----
  function RequestContext(model) {
    this._model = model;
    this._pending = new Set();
    const ctx = this;
    this.workbook = {
      worksheets: new WorksheetCollection(ctx),
      names: new NamedItemCollection(ctx),
      notes: new NoteCollection(ctx),
      application: {
        suspendApiCalculationUntilNextSync() {
          model.calculationSuspended = true;
        },
      },
      getSelectedRange() {
        const sel = model.selection;
        if (!sel) throw fakeError("ItemNotFound", "Nothing is selected.");
        return new Range(ctx, sel.sheet, {
          top: sel.top,
          left: sel.left,
          bottom: sel.bottom,
          right: sel.right,
        });
      },
    };
  }
  RequestContext.prototype.sync = function () {
    this._model.syncs += 1;
    this._model.calculationSuspended = false;
    for (const obj of this._pending) obj._commit();
    this._pending.clear();
    const delay = this._model.syncDelayMs || 0;
    return new Promise((resolve) => setTimeout(resolve, delay));
  };

  /** A fake host over a workbook given as { sheets: [SheetSnapshot-like], active? }. */
  function createFakeExcel(data) {
    const model = new Model(data);
    model.writes = 0;
    const actions = new Map();
    const Excel = {
      run(batch) {
        const ctx = new RequestContext(model);
        return Promise.resolve(batch(ctx)).then((result) => {
          for (const obj of ctx._pending) obj._commit();
          ctx._pending.clear();
          return result;
        });
      },
      RequestContext: function () {
        return new RequestContext(model);
      },
      ConditionalFormatType: { custom: "Custom" },
      ChartType: { line: "Line" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      ClearApplyTo: { all: "All", contents: "Contents", formats: "Formats" },
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
          isSetSupported(name) {
            return name === "ExcelApi";
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

  const api = { createFakeExcel, parseAddress, a1, quoteSheet };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window !== "undefined") {
    window.__fakeExcel = api;
    // Served in place of office.js: a workbook prepared by the test before this script ran.
    const host = createFakeExcel(
      window.__itosWorkbook || { sheets: [{ sheetName: "Sheet1", values: [] }] }
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
