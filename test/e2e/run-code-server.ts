/**
 * `npm run test:e2e`: the extension-host suite (test/extension) inside code-server, against the
 * packed .vsix. The workbench reports the suite's exit code through `codeAutomationExit`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, SEED, startSession, testPayload } from "./code-server";

const SUITE = join(REPO, "out/test/extension/index.js");
const TIMEOUT_MS = Number(process.env.KEYFENCE_E2E_TIMEOUT_MS ?? 240_000);

async function main(): Promise<number> {
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run node extension/build.mjs --tests`);
  const started = Date.now();
  // TypeScript's project server makes every code-action request wait while it loads: the suite
  // tests KeyFence, so TypeScript runs syntax-only (the UI test keeps the default, as users have it).
  // Projects the file-watcher tests need are on disk before VS Code starts (see that folder's README).
  const session = await startSession({
    settings: { "typescript.tsserver.useSyntaxServer": "always" },
    seed: SEED,
  });
  const report = join(session.root, "mocha-report.txt");
  try {
    const exitCode = new Promise<number>((resolve) => {
      void session.page.exposeFunction("codeAutomationExit", (code: number) => resolve(code));
    });
    session.page.on("pageerror", (error) => process.env.KEYFENCE_E2E_VERBOSE && console.error("[page]", error.message));
    await session.page.goto(session.url({ payload: testPayload(session, SUITE) }));
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), TIMEOUT_MS));
    const code = await Promise.race([exitCode, timeout]);
    if (existsSync(report)) process.stdout.write(readFileSync(report, "utf8"));
    if (code === -1) {
      console.error(`Extension-host suite did not finish within ${TIMEOUT_MS / 1000} s.`);
      console.error(session.log.join("").slice(-4000));
    }
    console.log(`\nextension-host suite: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server)`);
    return code === 0 ? 0 : 1;
  } finally {
    await session.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
