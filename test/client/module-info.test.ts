import * as assert from "node:assert/strict";
import { readModuleInfo } from "../../eslint-plugin/src/engine/client/module-info";

// What the client graph keeps per scanned module: the text only where it may need the AST.
describe("client module info: the AST of a module that kept no text", () => {
  const plain = `import { a } from "./a";\nexport const b = a + 1;\n`;

  it("reads the file again for the AST, and gives none when the text changed length", () => {
    let rereads = 0;
    const info = readModuleInfo("/project/lib/b.js", plain, () => {
      rereads++;
      return plain;
    });
    assert.equal(info.edges[0].specifier, "./a");
    assert.equal(rereads, 0);
    assert.equal(info.program()?.type, "Program");
    assert.equal(info.program()?.type, "Program");
    assert.equal(rereads, 1, "parsed once");
    const changed = readModuleInfo("/project/lib/b.js", plain, () => `${plain}// edited\n`);
    assert.equal(changed.program(), undefined);
    assert.equal(readModuleInfo("/project/lib/b.js", plain, () => undefined).program(), undefined);
  });

  it("keeps the text of a module the graph parses: an import used only as a type, a route's server export", () => {
    const reread = () => assert.fail("read again");
    const typeOnly = readModuleInfo("/project/app/c.tsx", `import { Props } from "./types";\nlet p: Props;\nexport default p;\n`, reread);
    assert.equal(typeOnly.edges[0].usage, "unknown");
    assert.equal(typeOnly.program()?.type, "Program");
    const page = readModuleInfo("/project/pages/d.tsx", `import db from "../lib/db";\nexport function getServerSideProps() { return db; }\n`, reread);
    assert.equal(page.program()?.type, "Program");
  });
});
