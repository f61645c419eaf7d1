import * as assert from "node:assert/strict";
import { readModuleInfo } from "../../eslint-plugin/src/engine/client/module-info";

// What the client graph keeps per scanned module: no text; the AST, when asked for, from the file again.
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

  it("keeps no text even for a module the graph may parse: an import used only as a type, a route's server export", () => {
    // Over vercel/ai's examples the graphs built no AST at all, while the texts kept for them held 3 MiB.
    let rereads = 0;
    const typeOnlyText = `import { Props } from "./types";\nlet p: Props;\nexport default p;\n`;
    const typeOnly = readModuleInfo("/project/app/c.tsx", typeOnlyText, () => (rereads++, typeOnlyText));
    assert.equal(typeOnly.edges[0].usage, "unknown");
    assert.equal(rereads, 0);
    assert.equal(typeOnly.program()?.type, "Program");
    assert.equal(rereads, 1);
    const pageText = `import db from "../lib/db";\nexport function getServerSideProps() { return db; }\n`;
    const page = readModuleInfo("/project/pages/d.tsx", pageText, () => (rereads++, pageText));
    assert.equal(page.program()?.type, "Program");
    assert.equal(rereads, 2);
  });

  it("takes `name.` for a member read only where a name follows the dot (Saraivinha1703/nextjs-ai-chat, batch 256)", () => {
    // `useUIState<typeof AI>()` beside "…with the AI." in JSX text: a sentence's end, so the AST decides (a type use, erased).
    const usage = (body: string) => readModuleInfo("/project/app/chat.tsx", `"use client";\nimport { AI } from "../lib/actions";\n${body}\n`, () => undefined).edges[0].usage;
    assert.equal(usage(`export function Chat() {\n  const [messages] = useUIState<typeof AI>();\n  return <p>Start a conversation with the AI.\n  </p>;\n}`), "unknown");
    assert.equal(usage(`export const run = () => AI.run();`), "value");
  });
});
