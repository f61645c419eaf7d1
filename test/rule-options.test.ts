import { strict as assert } from "node:assert";
import { ESLint, Linter, type Rule } from "eslint";
import keyfence from "../eslint-plugin/src/index";
import { createRule } from "../eslint-plugin/src/util/create-rule";

interface ObjectSchema {
  type?: string;
  properties?: Record<string, unknown>;
}

/** Rule options in one place: meta.defaultOptions, which ESLint 9.15+ merges into context.options. */
describe("rule option defaults (meta.defaultOptions)", () => {
  for (const [name, rule] of Object.entries(keyfence.rules)) {
    const meta = (rule as Rule.RuleModule).meta!;
    const schemas = ((meta.docs as { options?: unknown[] } | undefined)?.options ?? []) as ObjectSchema[];

    if (schemas.length === 0) {
      it(`${name} takes no options and declares no defaults; given some, the run stops`, () => {
        assert.equal(meta.defaultOptions, undefined);
        const linter = new Linter({ configType: "flat" });
        const lint = () => linter.verify("export {};\n", [{ files: ["**/*.js"], plugins: { k: { rules: { [name]: rule as Rule.RuleModule } } }, rules: { [`k/${name}`]: ["error", { any: 1 }] } }], "app.js");
        assert.throws(lint, /should NOT have more than 0 items/);
      });
      continue;
    }

    it(`${name} has a default for every option its schema names`, () => {
      const defaults = meta.defaultOptions as Record<string, unknown>[] | undefined;
      assert.ok(Array.isArray(defaults), "meta.defaultOptions missing");
      assert.equal(defaults.length, schemas.length);
      schemas.forEach((schema, i) => {
        if (schema.type === "object") assert.deepEqual(Object.keys(defaults[i]).sort(), Object.keys(schema.properties ?? {}).sort());
      });
    });

    it(`${name}'s defaults pass its own schema and are what ESLint hands the rule`, () => {
      // Wrap the rule to see the options ESLint passes it; the wrapper keeps the rule's meta.
      let seen: unknown[] | undefined;
      const spy: Rule.RuleModule = {
        meta,
        create(context) {
          seen = [...context.options];
          return (rule as Rule.RuleModule).create(context);
        },
      };
      const linter = new Linter({ configType: "flat" });
      const lint = (options: unknown[]) =>
        linter.verify("export {};\n", [{ files: ["**/*.js"], plugins: { k: { rules: { [name]: spy } } }, rules: { [`k/${name}`]: ["error", ...options] } }], "app.js");
      // The rule checks configured options against its schema and throws on a mismatch.
      lint(meta.defaultOptions as unknown[]);
      lint([]);
      assert.deepEqual(seen, meta.defaultOptions);
    });

    it(`${name} rejects an unknown option, a wrong type and a duplicate, in ESLint's words`, () => {
      const linter = new Linter({ configType: "flat" });
      const lint = (options: unknown[]) =>
        linter.verify("export {};\n", [{ files: ["**/*.js"], plugins: { k: { rules: { [name]: rule as Rule.RuleModule } } }, rules: { [`k/${name}`]: ["error", ...options] } }], "app.js");
      assert.throws(() => lint([{ unknownOption: true }]), /Unexpected property "unknownOption"/);
      const [property, schema] = Object.entries((schemas[0] as { properties: Record<string, { type: string }> }).properties)[0];
      assert.throws(() => lint([{ [property]: schema.type === "boolean" ? "yes" : "one" }]), new RegExp(`should be ${schema.type === "boolean" ? "boolean" : "array"}`));
      if (schema.type === "array") assert.throws(() => lint([{ [property]: ["a", "a"] }]), /duplicate items/);
      assert.throws(() => lint([{}, {}]), /should NOT have more than 1 items/);
    });
  }
});

/**
 * typescript-eslint's rule creator clones and merges the defaults for every file it is given; over
 * a 500-file run with eleven rules that was ~30 ms of CPU (a profile), so createRule does it once
 * per configuration and hands every file the same merged options.
 */
describe("createRule: options worked out once per configuration", () => {
  const received: unknown[] = [];
  const probe = createRule<[{ allow: string[]; ignoreFiles: string[] }], "seen">({
    name: "probe",
    meta: {
      type: "problem",
      docs: { description: "records its options", recommended: "warn" },
      messages: { seen: "seen" },
      schema: [{ type: "object", additionalProperties: false, properties: { allow: { type: "array", items: { type: "string" }, uniqueItems: true }, ignoreFiles: { type: "array", items: { type: "string" }, uniqueItems: true } } }],
      defaultOptions: [{ allow: [], ignoreFiles: [] }],
    },
    create(_context, [options]) {
      received.push(options);
      return {};
    },
  });
  // The ESLint class, as the CLI runs it: the configuration is loaded once for all files (a
  // Linter.verify given a plain array normalizes it again for each call).
  const lintThree = async (ruleEntry: unknown) => {
    received.length = 0;
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [{ files: ["**/*.js"], plugins: { k: { rules: { probe: probe as unknown as Rule.RuleModule } } }, rules: { "k/probe": ruleEntry } }] as Linter.Config[] });
    for (const file of ["a.js", "b.js", "c.js"]) await eslint.lintText("export {};\n", { filePath: file });
    return [...received];
  };

  it("merges the user's options with the defaults, and hands each file of one configuration the same object", async () => {
    const seen = await lintThree(["warn", { allow: ["demo"] }]);
    assert.equal(seen.length, 3);
    assert.deepEqual(seen[0], { allow: ["demo"], ignoreFiles: [] });
    assert.ok(seen[1] === seen[0] && seen[2] === seen[0], "each file got its own copy of the same options");
  });

  it("gives a rule configured without options its defaults, and another configuration its own options", async () => {
    const plain = await lintThree("warn");
    assert.deepEqual(plain[0], { allow: [], ignoreFiles: [] });
    assert.ok(plain[2] === plain[0]);
    const other = await lintThree(["warn", { ignoreFiles: ["**/*.md"] }]);
    assert.deepEqual(other[0], { allow: [], ignoreFiles: ["**/*.md"] });
    assert.notEqual(other[0], plain[0]);
  });

  it("still stops the run on a wrong option in a new configuration", async () => {
    await assert.rejects(() => lintThree(["warn", { allow: "demo" }]), /should be array \(option "allow"\)/);
  });
});
