/**
 * The rule docs and the package README agree with each rule's meta, which is the one source of
 * truth: description, severity in configs.recommended, fixable, suggestions, options and defaults.
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Rule } from "eslint";
import keyfence from "../eslint-plugin/src/index";

const pluginDir = join(__dirname, "../eslint-plugin");
const docsDir = join(pluginDir, "docs/rules");
const rules = Object.entries(keyfence.rules as Record<string, Rule.RuleModule>).map(([name, rule]) => ({ name, meta: rule.meta! }));
const ruleNames = rules.map((rule) => rule.name).sort();

type Meta = Rule.RuleMetaData & { docs?: { recommended?: "error" | "warn" } };

/** Markdown to the plain words an editor shows: code ticks dropped, lines joined. */
function plain(markdown: string): string {
  return markdown.replace(/`/g, "").replace(/\s+/g, " ").trim();
}

/** The lines of a `## title` section, up to the next heading of level 2 or above. */
function section(doc: string, title: string): string | undefined {
  const lines = doc.split("\n");
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

function optionProperties(meta: Meta): string[] {
  const schemas = ((meta.docs as { options?: unknown[] } | undefined)?.options ?? []) as Array<{ properties?: object }>;
  return schemas.flatMap((schema) => Object.keys(schema.properties ?? {}));
}

describe("rule docs agree with meta", () => {
  it("docs/rules holds one page per rule and no other", () => {
    const pages = readdirSync(docsDir).filter((file) => file.endsWith(".md")).map((file) => file.slice(0, -3)).sort();
    assert.deepEqual(pages, ruleNames);
  });

  for (const { name, meta } of rules as Array<{ name: string; meta: Meta }>) {
    describe(name, () => {
      const doc = () => readFileSync(join(docsDir, `${name}.md`), "utf8").replace(/\r\n/g, "\n");

      it("opens with its name, then meta.docs.description as the first paragraph", () => {
        const [heading, blank, ...rest] = doc().split("\n");
        assert.equal(heading, `# ${name}`);
        assert.equal(blank, "");
        const paragraph = rest.slice(0, rest.indexOf("")).join("\n");
        assert.equal(plain(paragraph), `${meta.docs?.description}.`);
      });

      it("states its severity in configs.recommended", () => {
        const badge = meta.docs?.recommended === "warn" ? "⚠️ In `configs.recommended` as a warning" : "✅ In `configs.recommended`";
        assert.ok(doc().includes(badge), `expected "${badge}"`);
      });

      it("documents every option with its default from meta.defaultOptions", () => {
        const options = section(doc(), "Options");
        assert.ok(options !== undefined, "no ## Options section");
        const properties = optionProperties(meta);
        if (properties.length === 0) {
          assert.equal(options.trim(), "None.");
          return;
        }
        const defaults = Object.assign({}, ...((meta.defaultOptions ?? []) as object[])) as Record<string, unknown>;
        for (const property of properties) {
          const bullet = options.split("\n").find((line) => line.startsWith(`- \`${property}\` (`));
          assert.ok(bullet, `option ${property} is not documented as "- \`${property}\` (…)"`);
          assert.ok(bullet.includes(`default \`${JSON.stringify(defaults[property])}\``), `${property}: default differs from meta.defaultOptions`);
        }
      });
    });
  }
});

describe("the package README's rules table agrees with meta", () => {
  const rows = () =>
    readFileSync(join(pluginDir, "README.md"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("| [`"))
      .map((line) => {
        const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
        const link = /^\[`([^`]+)`\]\(([^)]+)\)$/.exec(cells[0]);
        assert.ok(link, `malformed row: ${line}`);
        return { name: link[1], url: link[2], description: cells[1], recommended: cells[2], fixable: cells[3], suggestions: cells[4] };
      });

  it("lists exactly the rules, sorted", () => {
    assert.deepEqual(
      rows().map((row) => row.name),
      ruleNames,
    );
  });

  it("gives each rule its docs link, description, severity, fix and suggestion marks from meta", () => {
    for (const row of rows()) {
      const meta = rules.find((rule) => rule.name === row.name)!.meta as Meta;
      assert.equal(row.url, meta.docs?.url, row.name);
      assert.equal(row.description, meta.docs?.description, row.name);
      assert.equal(row.recommended, meta.docs?.recommended === "warn" ? "⚠️" : "✅", row.name);
      assert.equal(row.fixable, meta.fixable ? "🔧" : "", row.name);
      assert.equal(row.suggestions, meta.hasSuggestions ? "💡" : "", row.name);
    }
  });
});
