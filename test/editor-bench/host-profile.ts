/**
 * Who blocks the extension host: a CPU profile of the host's own thread (node:inspector, from
 * inside it) while `run` runs, summarised as self time per script. Every extension shares the
 * thread, so this says whether a block was KeyFence's (its `extension.js`) or another's.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

interface ProfileNode { id: number; callFrame: { url: string; functionName: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }

export async function hostProfile<T>(run: () => Promise<T>): Promise<{ result: T; byScript: Array<[string, number]> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((done, fail) => session.post(method, params ?? {}, (error, value) => (error ? fail(error) : done(value))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 1000 });
  await post("Profiler.start");
  try {
    const result = await run();
    const { profile } = (await post("Profiler.stop")) as { profile: Profile };
    // For a closer look (DevTools, or who called what): KEYFENCE_BENCH_HOST_PROFILES=<folder>.
    const folder = process.env.KEYFENCE_BENCH_HOST_PROFILES;
    if (folder) writeFileSync(join(folder, `host-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    return { result, byScript: selfTimeByScript(profile) };
  } finally {
    session.disconnect();
  }
}

function selfTimeByScript(profile: Profile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const script = frame.url ? scriptName(frame.url) : frame.functionName;
    totals.set(script, (totals.get(script) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const top = [...totals].sort((a, b) => b[1] - a[1]);
  // KeyFence's time always listed, however small (the question the profile answers), with what its
  // code calls (node's IPC serialisation, JSON, GC-free builtins) counted as KeyFence's.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  let keyfenceMs = 0;
  // The longest run of consecutive samples in KeyFence's code: the longest the host was busy
  // with KeyFence at a stretch (a block KeyFence caused), at the sampling interval's resolution.
  let run = 0;
  let longestRun = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (!byId.get(at)?.callFrame.url.includes("/keyfence.keyfence-")) continue;
      keyfenceMs += ms;
      run += ms;
      longestRun = Math.max(longestRun, run);
      return;
    }
    run = 0;
  });
  return [["KeyFence (its scripts and what they call)", keyfenceMs], ["KeyFence's longest stretch", longestRun], ...top.slice(0, 6)];
}

/** `…/extensions/keyfence.keyfence-0.1.0/extension/dist/extension.js` → `keyfence.keyfence-0.1.0: extension.js`. */
function scriptName(url: string): string {
  const extension = /\/extensions\/([^/]+)\/(?:.*\/)?([^/]+)$/.exec(url);
  if (extension) return `${extension[1]}: ${extension[2]}`;
  return url.replace(/^.*\/out\//, "vscode: ").replace(/^.*\/node_modules\//, "");
}
