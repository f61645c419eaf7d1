/**
 * KeyFence validates its rules' options itself, against the same JSON schemas a rule declares.
 *
 * Why not ESLint's validation (`meta.schema`): for every enabled rule whose schema is not `false`,
 * ESLint compiles a validator with ajv, and loading ajv is 46 modules and 66–75 ms of CPU (plus
 * 10–15 ms compiling our eleven schemas): against a warm `eslint --cache` run of ~1.2 s, that was
 * the whole gap between ESLint with KeyFence and ESLint without it (README, "Where the warm
 * `--cache` gap to bare ESLint goes"). Our options are a small subset of JSON Schema (an object of
 * booleans and arrays of unique strings, nothing else allowed), checked here in a few lines, once
 * per distinct configuration. A wrong option still stops the run with ESLint's own wording.
 */

/** One property of a rule's options object. */
export interface OptionSchema {
  type: "boolean" | "array";
  items?: { type: "string" };
  uniqueItems?: boolean;
  description?: string;
}

/** A rule's options: positional objects (KeyFence rules take at most one). */
export type OptionsSchema = ReadonlyArray<{ type: "object"; additionalProperties: false; properties: Readonly<Record<string, OptionSchema>> }>;

/** What is wrong with `options`, in ESLint's wording, or undefined when they are valid. */
export function optionsProblem(schema: OptionsSchema, options: readonly unknown[]): string | undefined {
  if (options.length > schema.length) return `Value ${JSON.stringify(options)} should NOT have more than ${schema.length} items.`;
  for (let index = 0; index < options.length; index++) {
    const value = options[index];
    const { properties } = schema[index];
    if (typeof value !== "object" || value === null || Array.isArray(value)) return `Value ${JSON.stringify(value)} should be object.`;
    for (const [name, property] of Object.entries(value)) {
      const expected = properties[name];
      if (!expected) {
        const names = Object.keys(properties).map((known) => `"${known}"`);
        return `Value ${JSON.stringify(value)} should NOT have additional properties.\n\t\tUnexpected property "${name}". Expected properties: ${names.join(", ")}.`;
      }
      const problem = propertyProblem(name, expected, property);
      if (problem) return problem;
    }
  }
  return undefined;
}

function propertyProblem(name: string, schema: OptionSchema, value: unknown): string | undefined {
  if (schema.type === "boolean") return typeof value === "boolean" ? undefined : `Value ${JSON.stringify(value)} should be boolean (option "${name}").`;
  if (!Array.isArray(value)) return `Value ${JSON.stringify(value)} should be array (option "${name}").`;
  if (schema.items?.type === "string" && value.some((item) => typeof item !== "string")) return `Value ${JSON.stringify(value)} should be an array of strings (option "${name}").`;
  if (schema.uniqueItems && new Set(value).size !== value.length) return `Value ${JSON.stringify(value)} should NOT have duplicate items (option "${name}").`;
  return undefined;
}

/**
 * Throws, as ESLint's own validation does, when a rule's configured options are invalid.
 * createRule calls it once per configuration (ESLint hands each file the same options again).
 */
export function checkOptions(ruleName: string, schema: OptionsSchema, options: readonly unknown[]): void {
  const problem = optionsProblem(schema, options);
  if (problem) throw new Error(`Key "rules": Key "keyfence/${ruleName}":\n\t${problem}\n`);
}
