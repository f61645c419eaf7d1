/**
 * requiredModule, the one reader of `require("x")` every engine uses: plain, and as tsc's CommonJS
 * output wraps it (`__importDefault(require("openai"))`, `__importStar(require(…))`).
 */
import * as assert from "node:assert/strict";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import type { TSESTree } from "../../eslint-plugin/src/engine/ast";
import { requiredModule } from "../../eslint-plugin/src/engine/require-call";

const init = (code: string) => {
  const source = parseSource("/tmp/x.js", `const x = ${code};`);
  assert.ok(source);
  return ((source.ast.body[0] as TSESTree.VariableDeclaration).declarations[0].init ?? undefined) as TSESTree.Node | undefined;
};

describe("requiredModule", () => {
  it("reads require, and require inside tsc's __importDefault / __importStar", () => {
    assert.equal(requiredModule(init(`require("openai")`)), "openai");
    assert.equal(requiredModule(init(`__importDefault(require("openai"))`)), "openai");
    assert.equal(requiredModule(init(`__importStar(require("firebase-functions/v2/https"))`)), "firebase-functions/v2/https");
  });

  it("names nothing for other calls or a helper around something else", () => {
    assert.equal(requiredModule(init(`__importDefault(load("openai"))`)), undefined);
    assert.equal(requiredModule(init(`importStar(require("openai"))`)), undefined);
    assert.equal(requiredModule(init(`require(name)`)), undefined);
  });
});
