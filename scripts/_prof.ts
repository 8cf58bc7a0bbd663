import { netFlows } from "./bench-data";
import { medianMs } from "./bench-measure";
import { payback } from "../src/functions/itosFunctions";
const row = [netFlows(600)];
console.log("payback", medianMs(() => payback(row), 31, {warmup: 50, batch: 20}));
import { Session } from "inspector";
const s = new Session(); s.connect();
s.post("Profiler.enable", () => s.post("Profiler.start", () => {
  for (let i=0;i<300;i++) payback(row);
  s.post("Profiler.stop", (err, { profile }: any) => {
    const self = new Map<string, number>();
    const dt = profile.timeDeltas; const idToNode = new Map(profile.nodes.map((n: any) => [n.id, n]));
    profile.samples.forEach((id: number, i: number) => { const n: any = idToNode.get(id); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").slice(-2).join("/") + ":" + n.callFrame.lineNumber; self.set(k, (self.get(k) ?? 0) + dt[i]); });
    console.log([...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,15).map(([k,v])=>`${(v/1000).toFixed(0)}ms ${k}`).join("\n"));
  });
}));
