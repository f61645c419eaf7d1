/**
 * The server-route fix must never leave its own finding: the key's const, the imports only the
 * client used and the blank lines they stood on go with the client, line endings kept, and
 * re-linting the project after the fix finds nothing.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { planFixes } from "../../extension/src/analyze";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { MOVE_CALL_TITLE } from "../../eslint-plugin/src/engine/server-route/planner";
import { describeFinding, lintFile, lintProject, SETTINGS } from "../support/lint-project";
import { applyPlan, copyFixture, type FixtureProject } from "./fixture-project";

const CHAT_BODY = `export default function Chat() {
  async function ask(question: string) {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
    return completion.choices[0].message.content;
  }
  return <button onClick={() => ask("Hi")}>Ask</button>;
}
`;

describe("the server-route fix leaves no finding behind", () => {
  const projects: FixtureProject[] = [];
  after(() => projects.forEach((project) => project.remove()));

  /** Lints `relative`, applies the route fix of its first finding, returns the file's new text. */
  function fixFirstFinding(project: FixtureProject, relative: string): string {
    const file = project.file(relative);
    const findings = lintFile(project.root, file);
    assert.ok(findings.length > 0, "the browser file has a finding before the fix");
    const context = { settings: SETTINGS, files: diskFiles(), stopDir: project.root };
    const plans = findings.map((finding) => planFixes(finding, fs.readFileSync(file, "utf8"), context).find((candidate) => candidate.title === MOVE_CALL_TITLE));
    // Every finding in the browser call offers the same fix (the key's read, the client, the option).
    const plan = plans.find(Boolean);
    assert.ok(plan, `no route fix for ${findings.map((finding) => describeFinding(project.root, finding)).join("; ")}`);
    applyPlan(plan);
    return project.read(relative)!;
  }

  function assertNoFindings(project: FixtureProject): void {
    const left = lintProject(project.root).map((finding) => describeFinding(project.root, finding));
    assert.deepEqual(left, [], "re-linting after the fix");
  }

  function nextApp(page: string): FixtureProject {
    const project = copyFixture("next-app", { "app/chat/page.tsx": page });
    projects.push(project);
    return project;
  }

  it("`const apiKey = process.env.OPENAI_API_KEY` feeding `{ apiKey }`: the const and its blank lines go", () => {
    const project = nextApp(`"use client";
import OpenAI from "openai";
import { useState } from "react";

const apiKey = process.env.OPENAI_API_KEY;
const openai = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });

${CHAT_BODY}`);
    const page = fixFirstFinding(project, "app/chat/page.tsx");
    assert.ok(page.startsWith(`"use client";\nimport { useState } from "react";\n\nexport default function Chat() {\n`), page);
    assert.ok(!page.includes("OPENAI_API_KEY"));
    assert.ok(!/\n\n\n/.test(page), "no doubled blank lines");
    assert.match(project.read("app/api/ai/openai/route.ts")!, /process\.env\.OPENAI_API_KEY/);
    assertNoFindings(project);
  });

  it("keeps CRLF line endings, the helper included", () => {
    const lf = `"use client";
import { useState } from "react";
import OpenAI from "openai";

const apiKey = process.env.OPENAI_API_KEY;

const openai = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });

${CHAT_BODY}`;
    const project = nextApp(lf.replace(/\n/g, "\r\n"));
    const page = fixFirstFinding(project, "app/chat/page.tsx");
    assert.ok(!/(^|[^\r])\n/.test(page), "every line ends with CRLF");
    assert.ok(page.startsWith(`"use client";\r\nimport { useState } from "react";\r\n\r\nexport default function Chat() {\r\n`), JSON.stringify(page.slice(0, 120)));
    assertNoFindings(project);
  });

  it("a public env var read into a const: the const goes, the route reads the server name", () => {
    const project = nextApp(`"use client";
import OpenAI from "openai";

const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;
const model = "gpt-4o-mini";
const openai = new OpenAI({ apiKey: key, dangerouslyAllowBrowser: true });

${CHAT_BODY}`);
    fs.writeFileSync(project.file(".env.local"), `NEXT_PUBLIC_OPENAI_API_KEY=${project.keys.openai}\n`);
    const page = fixFirstFinding(project, "app/chat/page.tsx");
    assert.ok(page.startsWith(`"use client";\n\nconst model = "gpt-4o-mini";\n\nexport default function Chat() {\n`), page);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
    assertNoFindings(project);
  });

  it("keeps a binding something else still reads", () => {
    const project = nextApp(`"use client";
import OpenAI from "openai";

const apiKey = process.env.OPENAI_API_KEY;
export const hasKey = Boolean(apiKey);
const openai = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });

${CHAT_BODY}`);
    const page = fixFirstFinding(project, "app/chat/page.tsx");
    assert.match(page, /^const apiKey = process\.env\.OPENAI_API_KEY;\nexport const hasKey = Boolean\(apiKey\);\n\nexport default/m);
  });
});
