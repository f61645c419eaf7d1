// KeyFence lints itself with its own recommended config: the repository must stay clean.
import keyfence from "eslint-plugin-keyfence";

export default [
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/out/**",
      ".vscode-test/**",
      ".tmp/**",
      // Deliberately broken or leaky inputs for the tests.
      "test/fixtures/**",
      // The demo app leaks on purpose (see scripts/demo.ts).
      "examples/**",
    ],
  },
  keyfence.configs.recommended,
];
