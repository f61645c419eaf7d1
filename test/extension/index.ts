/**
 * Entry point of the extension-host suite (the `extensionTestsPath` contract shared by
 * @vscode/test-electron and code-server's `payload`): `run()` resolves when every test passed.
 * Results also go to `<workspace>/../mocha-report.txt`, which the launchers print.
 */
import { appendFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";

type MochaModule = typeof import("mocha");

export async function run(): Promise<void> {
  // mocha 12 is an ES module: require() yields its namespace.
  const loaded = require("mocha") as MochaModule & { default?: MochaModule; Mocha?: MochaModule };
  const Mocha = (loaded.default ?? loaded.Mocha ?? loaded) as unknown as typeof import("mocha");
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const reportFile = workspace ? join(dirname(workspace), "mocha-report.txt") : undefined;
  if (reportFile) writeFileSync(reportFile, "");
  const out = (line: string) => {
    console.log(line);
    if (reportFile) appendFileSync(reportFile, line + "\n");
  };

  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false, reporter: reporterFor(Mocha, out) });
  const grep = process.env.KEYFENCE_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) mocha.addFile(join(__dirname, file));

  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}

/** A spec-like reporter that writes through `out` (the host's stdout is not always visible). */
function reporterFor(Mocha: typeof import("mocha"), out: (line: string) => void) {
  const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return class Reporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let depth = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite) => suite.title && out(`${"  ".repeat(depth++)}${suite.title}`));
      runner.on("suite end", (suite) => suite.title && depth--);
      runner.on(EVENT_TEST_PASS, (test) => out(`${"  ".repeat(depth)}✔ ${test.title} (${test.duration} ms)`));
      runner.on(EVENT_TEST_PENDING, (test) => out(`${"  ".repeat(depth)}- ${test.title}`));
      runner.on(EVENT_TEST_FAIL, (test, error: Error) =>
        out(`${"  ".repeat(depth)}✘ ${test.title}\n${(error.stack ?? error.message).split("\n").slice(0, 12).map((l) => "      " + l).join("\n")}`),
      );
      runner.once(EVENT_RUN_END, () => {
        const s = this.stats;
        out(`\n${s.passes} passing, ${s.failures} failing, ${s.pending} pending (${s.duration ?? 0} ms)`);
      });
    }
  };
}
