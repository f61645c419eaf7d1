// `npm run bench:editor -- <repo>`: the editor benchmark (test/editor-bench/README.md). Builds
// the extension and the bench suite, packs the .vsix as `npm run test:e2e` does, and runs the
// suite in code-server with a copy of <repo> as the workspace. Not part of `npm test`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv[2]) {
  console.error("usage: npm run bench:editor -- <repository folder>\n" +
    "  e.g. /work/ext/ai, a snapshot of https://github.com/vercel/ai (git clone --depth 1 https://github.com/vercel/ai)");
  process.exit(2);
}
run("node", ["extension/build.mjs"]);
// The suite runs inside the extension host (its own bundle, as test/extension's).
await build({
  entryPoints: [join(root, "test/editor-bench/bench.ts")],
  outdir: join(root, "out/test/editor-bench"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode", "mocha"],
  sourcemap: "inline",
  logLevel: "warning",
});
run(join(root, "node_modules/.bin/vsce"), ["package", "--no-dependencies", "--readme-path", "extension/MARKETPLACE.md", "--out", "keyfence.vsix"]);
run(join(root, "node_modules/.bin/tsx"), ["test/editor-bench/run.ts", ...process.argv.slice(2)]);
