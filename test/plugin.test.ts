import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import keyfence from "../eslint-plugin/src/index";
import { docsUrl } from "../eslint-plugin/src/util/create-rule";
import { RULES } from "../eslint-plugin/src/engine/rules";

const docsDir = join(__dirname, "../eslint-plugin/docs/rules");

describe("eslint-plugin-keyfence", () => {
  it("exports { meta, rules, configs: { recommended } } with the package's name and version", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../eslint-plugin/package.json"), "utf8"));
    assert.deepEqual(keyfence.meta, { name: pkg.name, version: pkg.version });
    assert.ok(keyfence.configs.recommended);
    assert.ok(Object.keys(keyfence.rules).length >= 1);
  });

  it("recommended lints every JS/TS file kind, sets no parser, and defaults to one that reads TypeScript", () => {
    const config = keyfence.configs.recommended;
    const files = (config.files ?? []).flat().join(" ");
    for (const ext of ["js", "jsx", "ts", "tsx", "mjs", "cjs"]) assert.match(files, new RegExp(`\\b${ext}\\b`));
    assert.equal(config.languageOptions?.parser, undefined, "a parser here would replace the user's");
    const [pluginName, languageName] = String(config.language).split("/");
    const language = config.plugins?.[pluginName]?.languages?.[languageName] as { defaultLanguageOptions?: { parser?: { parseForESLint?: unknown } } };
    assert.equal(typeof language?.defaultLanguageOptions?.parser?.parseForESLint, "function");
  });

  it("has exactly the rules of the engine's table, at its severities (the extension reads the same table)", () => {
    assert.deepEqual(Object.keys(keyfence.rules).sort(), Object.keys(RULES).sort());
    for (const [name, entry] of Object.entries(RULES)) {
      assert.equal(keyfence.configs.recommended.rules?.[`keyfence/${name}`], entry.severity, name);
      assert.equal(keyfence.rules[name as keyof typeof keyfence.rules].meta?.messages, entry.messages, name);
    }
  });

  for (const [name, rule] of Object.entries(keyfence.rules)) {
    describe(`rule ${name}`, () => {
      const meta = rule.meta!;
      it("is in configs.recommended", () => {
        assert.ok(keyfence.configs.recommended.rules?.[`keyfence/${name}`], `keyfence/${name} missing`);
      });
      it("has docs named after it, linked from meta.docs.url", () => {
        assert.ok(existsSync(join(docsDir, `${name}.md`)), `docs/rules/${name}.md missing`);
        assert.equal(meta.docs?.url, docsUrl(name));
        assert.ok(meta.docs?.description && /^[A-Z]/.test(meta.docs.description), "imperative description");
      });
      it("has camelCase message ids and a strict options schema, which it checks itself (ESLint loads no ajv for it)", () => {
        for (const id of Object.keys(meta.messages ?? {})) assert.match(id, /^[a-z][a-zA-Z0-9]*$/);
        assert.equal(meta.schema, false);
        const schemas = ((meta.docs as { options?: unknown[] } | undefined)?.options ?? []) as unknown[];
        for (const schema of schemas as Array<{ type?: string; additionalProperties?: unknown }>) {
          if (schema.type === "object") assert.equal(schema.additionalProperties, false);
        }
      });
    });
  }
});
