/**
 * Cold client-graph build on a generated 5,000-file Next.js app (not a timed assertion: prints
 * the numbers). Run: npx tsx test/client/graph-bench.ts [files] [clientShare]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { browserChain, fileStats } from "../../eslint-plugin/src/engine/client";

const FILES = Number(process.argv[2] ?? 5000);
const CLIENT_SHARE = Number(process.argv[3] ?? 0.5);

function generate(root: string): string {
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0" } }));
  fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] }, jsx: "preserve" } }));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const name = (i: number) => `${i % 3 === 0 ? "components" : i % 3 === 1 ? "lib" : "app/features"}/group-${i % 50}/module-${i}`;
  for (let i = 0; i < FILES; i++) {
    const file = path.join(root, `${name(i)}.tsx`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines: string[] = [];
    if (i % 3 === 2 && random() < CLIENT_SHARE) lines.push(`"use client";`);
    lines.push(`import { useState, useEffect } from "react";`);
    const imports = 2 + Math.floor(random() * 4);
    for (let k = 0; k < imports; k++) {
      const target = Math.floor(random() * FILES);
      if (target === i) continue;
      const spec = k % 2 === 0 ? `@/${name(target)}` : path.relative(path.dirname(name(i)), name(target)).replace(/^(?!\.)/, "./");
      if (k === 3) lines.push(`import type { Props${target} } from "${spec}";`);
      else lines.push(`import { Component${target} as C${k} } from "${spec}";`);
    }
    lines.push(`export interface Props${i} { title: string; count: number; onSelect?: (id: string) => void }`);
    lines.push(`export function Component${i}({ title, count, onSelect }: Props${i}) {`);
    lines.push(`  const [open, setOpen] = useState(false);`);
    lines.push(`  useEffect(() => { if (open) onSelect?.(String(count)); }, [open, count, onSelect]);`);
    // Components render their imports as JSX; one in five uses an import only in a type position.
    const children: string[] = [];
    for (let k = 0; k < imports; k++) {
      if (k === 3) continue;
      if ((i + k) % 5 === 0) lines.push(`  const render${k}: typeof C${k} | undefined = undefined;`);
      else children.push(`<C${k} title={title} count={count} />`);
    }
    lines.push(`  return (<section className="card"><h2 onClick={() => setOpen(!open)}>{title}</h2>{open && <p>{count} items</p>}${children.join("")}</section>);`);
    lines.push(`}`);
    if (i === FILES - 1) lines.push(`export const key = process.env.OPENAI_API_KEY;`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
  }
  return path.join(root, `${name(FILES - 1)}.tsx`);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-graph-bench-"));
try {
  const target = generate(root);
  const bytes = fs.readdirSync(root, { recursive: true }).length;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const chain = browserChain(target);
  const cold = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const warmStart = performance.now();
  browserChain(target);
  const warm = performance.now() - warmStart;
  // Worst case for the lazy type-only checks: a question about every file.
  const everyStart = performance.now();
  const all = (fs.readdirSync(root, { recursive: true }) as string[]).filter((rel) => rel.endsWith(".tsx"));
  const inBrowser = all.filter((rel) => browserChain(path.join(root, rel))).length;
  const every = performance.now() - everyStart;
  console.log(
    JSON.stringify({ files: FILES, entries: bytes, coldMs: Math.round(cold), coldCpuMs: Math.round((cpu.user + cpu.system) / 1000), warmMs: Number(warm.toFixed(2)), everyFileMs: Math.round(every), inBrowser, reads: fileStats.reads, scans: fileStats.scans, asts: fileStats.asts, chainLength: chain?.length ?? 0 }),
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
