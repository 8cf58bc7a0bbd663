/**
 * The functions.json Excel reads is generated from the JSDoc in src/functions/functions.ts. This
 * runs the same generator the build uses and checks that every ITOS function is there, with the
 * help text autocomplete shows and the shapes Excel needs (ranges in, spilled tables out).
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");
let functions: FunctionMetadata[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  expect(generated.errors).toEqual([]);
  functions = JSON.parse(generated.metadataJson).functions;
});

const byId = (id: string) => {
  const f = functions.find((fn) => fn.id === id);
  if (!f) throw new Error(`functions.json lacks ${id}`);
  return f;
};

test("lists exactly the ten ITOS functions", () => {
  expect(functions.map((f) => f.id).sort()).toEqual([
    "BREAKEVEN",
    "CUMULATIVE",
    "DPAYBACK",
    "FY",
    "HEADROOM",
    "NPV",
    "PAYBACK",
    "RECONCILE",
    "SCENARIO",
    "YEARSUMMARY",
  ]);
  for (const f of functions) expect(f.name).toBe(f.id);
});

test("every function and every parameter has help text", () => {
  for (const f of functions) {
    expect(f.description?.length ?? 0).toBeGreaterThan(20);
    expect(f.description).not.toMatch(/\n/); // autocomplete shows one line
    for (const p of f.parameters)
      expect({ fn: f.id, param: p.name, has: (p.description?.length ?? 0) > 5 }).toEqual({
        fn: f.id,
        param: p.name,
        has: true,
      });
  }
});

test("parameters are the documented ones, optional where the brackets say", () => {
  const signature = (id: string) =>
    byId(id)
      .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
      .join(", ");
  expect(signature("PAYBACK")).toBe("flows, [dates], [basis]");
  expect(signature("BREAKEVEN")).toBe("flows, dates");
  expect(signature("CUMULATIVE")).toBe("flows");
  expect(signature("YEARSUMMARY")).toBe("flows, dates, [fy_start_month]");
  expect(signature("NPV")).toBe("flows, [rate], [periods_per_year]");
  expect(signature("DPAYBACK")).toBe("flows, [rate], [periods_per_year]");
  expect(signature("FY")).toBe("date, [fy_start_month]");
  expect(signature("RECONCILE")).toBe("parts, stated_total");
  expect(signature("HEADROOM")).toBe("flows, limit_years, [dates]");
  expect(signature("SCENARIO")).toBe("flows, [returns_change], [investment_change], [delay]");
});

test("flows are ranges and the spilling functions return tables", () => {
  for (const f of functions) {
    const flows = f.parameters.find((p) => p.name === "flows" || p.name === "parts");
    if (flows) expect(flows.dimensionality).toBe("matrix");
  }
  expect(byId("CUMULATIVE").result.dimensionality).toBe("matrix");
  expect(byId("YEARSUMMARY").result.dimensionality).toBe("matrix");
  expect(byId("HEADROOM").result.dimensionality).toBe("matrix");
  expect(byId("SCENARIO").result.dimensionality).toBe("matrix");
  expect(byId("PAYBACK").result.dimensionality).toBeUndefined();
});
