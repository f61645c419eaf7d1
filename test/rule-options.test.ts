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
    const schemas = (Array.isArray(meta.schema) ? meta.schema : meta.schema ? [meta.schema] : []) as ObjectSchema[];

    if (schemas.length === 0) {
      it(`${name} takes no options and declares no defaults`, () => {
        assert.equal(meta.defaultOptions, undefined);
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
      // ESLint validates configured options against meta.schema and throws on a mismatch.
      lint(meta.defaultOptions as unknown[]);
      lint([]);
      assert.deepEqual(seen, meta.defaultOptions);
    });
  }
});
