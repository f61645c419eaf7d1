import { strict as assert } from "node:assert";
import { Linter, type Rule } from "eslint";
import keyfence from "../eslint-plugin/src/index";

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
