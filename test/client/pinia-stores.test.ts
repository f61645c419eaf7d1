/**
 * Bring your own key, kept in a Pinia store: a field that starts empty (or from storage) and that the
 * app's settings page fills is the user's key, read through the store's state or a getter of it, in an
 * options store or a setup store (kodakjerec/chatgpt-vue, batch 134: `apiKey = storeSettings().getApiKey`).
 * A field the store fills from the build's env or with a string written in is the developer's key.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import type { noClientAiCallsMessages } from "../../eslint-plugin/src/engine/client";
import plugin from "../../eslint-plugin/src/rules/no-client-ai-calls";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const rule = plugin as unknown as RuleModule<keyof typeof noClientAiCallsMessages, []>;
const lines = (...text: string[]) => text.join("\n");

const OPENAI = "https://api.openai.com/v1/chat/completions";
const bearer = (key: string) => `fetch("${OPENAI}", { method: "POST", headers: { Authorization: \`Bearer \${${key}}\` } })`;

/** The app's stores: what the user typed, and what the developer put in. */
const stores: Record<string, string> = {
  // kodakjerec/chatgpt-vue's storeSettings: `defineStore({ id, state })`, a getter with `state`, an action the settings page calls.
  "src/stores/settings.ts": lines(
    `import { defineStore } from "pinia";`,
    `export const storeSettings = defineStore({`,
    `  id: "settings",`,
    `  state: () => ({ apiKey: "", model: "gpt-4o-mini" }),`,
    `  getters: {`,
    `    getApiKey(state): string {`,
    `      return state.apiKey;`,
    `    },`,
    `  },`,
    `  actions: {`,
    `    setApiKey(key: string) {`,
    `      this.apiKey = key;`,
    `      localStorage.setItem("apiKey", key);`,
    `    },`,
    `  },`,
    `});`,
  ),
  // `defineStore(id, options)`, a field restored from storage, an arrow getter and a `this` getter.
  "src/stores/keys.ts": lines(
    `import { defineStore } from "pinia";`,
    `export const useKeys = defineStore("keys", {`,
    `  state: () => ({ groqKey: localStorage.getItem("groq") || "", openaiKey: undefined as string | undefined }),`,
    `  getters: {`,
    `    getGroqKey: (state) => state.groqKey,`,
    `    token() {`,
    `      return this.openaiKey;`,
    `    },`,
    `  },`,
    `  actions: {`,
    `    save(groqKey: string, openaiKey: string) {`,
    `      this.groqKey = groqKey;`,
    `      this.openaiKey = openaiKey;`,
    `    },`,
    `  },`,
    `});`,
  ),
  // A setup store: a ref that starts empty, a computed getter of it.
  "src/stores/setup-keys.ts": lines(
    `import { defineStore } from "pinia";`,
    `import { computed, ref } from "vue";`,
    `export const useSetupKeys = defineStore("setup-keys", () => {`,
    `  const apiKey = ref("");`,
    `  const key = computed(() => apiKey.value);`,
    `  function setApiKey(value: string) {`,
    `    apiKey.value = value;`,
    `  }`,
    `  return { apiKey, key, setApiKey };`,
    `});`,
  ),
  // The developer's key, kept in the store: seeded from the env, filled by an action from the env or a literal, or a getter of the env.
  "src/stores/seeded.ts": lines(
    `import { defineStore } from "pinia";`,
    `const BUILD_KEY = import.meta.env.VITE_OPENAI_API_KEY;`,
    `export const useSeeded = defineStore("seeded", {`,
    `  state: () => ({ envKey: import.meta.env.VITE_OPENAI_API_KEY, laterKey: "", writtenKey: "", constKey: "" }),`,
    `  getters: { envGetter: () => import.meta.env.VITE_OPENAI_API_KEY },`,
    `  actions: {`,
    `    load() {`,
    `      this.laterKey = import.meta.env.VITE_OPENAI_API_KEY;`,
    `      this.writtenKey = "${fakeKey("openai")}";`,
    `      this.constKey = BUILD_KEY;`,
    `    },`,
    `  },`,
    `});`,
  ),
  "src/stores/seeded-setup.ts": lines(
    `import { defineStore } from "pinia";`,
    `import { ref } from "vue";`,
    `export const useSeededSetup = defineStore("seeded-setup", () => {`,
    `  const apiKey = ref(import.meta.env.VITE_OPENAI_API_KEY);`,
    `  const laterKey = ref("");`,
    `  const load = () => {`,
    `    laterKey.value = import.meta.env.VITE_OPENAI_API_KEY;`,
    `  };`,
    `  return { apiKey, laterKey, load };`,
    `});`,
  ),
  // onlyzdd/chatgpt-tauri (batch 199): the field restored through the app's own wrapper of localStorage, `storage.get`;
  // another object's `get` is no storage.
  "src/stores/wrapped.ts": lines(
    `import { defineStore } from "pinia";`,
    `import { storage, vault } from "../utils/storage";`,
    `export const useWrapped = defineStore("settings", {`,
    `  state: () => ({ apikey: storage.get("apikey") || "", vaultKey: vault.get("apikey") || "" }),`,
    `  actions: { setAPIKey(apikey: string) { this.apikey = apikey; storage.set("apikey", apikey); } },`,
    `});`,
  ),
  "src/utils/storage.ts": lines(
    `export const storage = { get: (key: string) => localStorage.getItem(key.toUpperCase()), set: (key: string, value: string) => localStorage.setItem(key.toUpperCase(), value) };`,
    `export const vault = { get: (key: string) => import.meta.env.VITE_OPENAI_API_KEY + key };`,
  ),
  // The same shape from the app's own `defineStore`: no Pinia store, not followed.
  "src/stores/other.ts": lines(
    `import { defineStore } from "./my-stores";`,
    `export const useOther = defineStore("other", { state: () => ({ apiKey: "" }) });`,
  ),
  "src/stores/my-stores.ts": `export const defineStore = (id: string, options: object) => () => ({ id, ...options });\n`,
};

/** The modules that call OpenAI, each linted as it is on disk. */
const calls: Record<string, string> = {
  "src/api/gpt.ts": lines(
    `import { storeSettings } from "../stores/settings";`,
    `let apiKey: string = "";`,
    `function getAPIKey() {`,
    `  if (apiKey) return apiKey;`,
    `  apiKey = storeSettings().getApiKey;`,
    `  return apiKey;`,
    `}`,
    `export async function chat() {`,
    `  if (!apiKey) getAPIKey();`,
    `  return ${bearer("apiKey")};`,
    `}`,
  ),
  "src/api/keys.ts": lines(
    `import { useKeys } from "../stores/keys";`,
    `export function ask() {`,
    `  const keys = useKeys();`,
    `  const groq = useKeys().getGroqKey.trim();`,
    `  return [${bearer("keys.groqKey")}, ${bearer("useKeys().token")}, ${bearer("groq")}];`,
    `}`,
  ),
  "src/api/setup-keys.ts": lines(
    `import { storeToRefs } from "pinia";`,
    `import { useSetupKeys } from "../stores/setup-keys";`,
    `export function ask() {`,
    `  const { key } = useSetupKeys();`,
    `  const { apiKey } = storeToRefs(useSetupKeys());`,
    `  return [${bearer("useSetupKeys().apiKey")}, ${bearer("key")}, ${bearer("apiKey.value")}];`,
    `}`,
  ),
  "src/api/local-store.ts": lines(
    `import { defineStore } from "pinia";`,
    `const useLocal = defineStore("local", { state: () => ({ apiKey: "" }), actions: { set(apiKey: string) { this.apiKey = apiKey; } } });`,
    `export const ask = () => ${bearer("useLocal().apiKey")};`,
  ),
  "src/api/wrapped.ts": lines(
    `import { useWrapped } from "../stores/wrapped";`,
    `export const chat = async () => {`,
    `  const store = useWrapped();`,
    `  return await ${bearer("store.apikey")};`,
    `};`,
  ),
  "src/api/wrapped-vault.ts": lines(`import { useWrapped } from "../stores/wrapped";`, `export const ask = () => useWrapped;`),
  "src/api/seeded.ts": lines(`import { useSeeded } from "../stores/seeded";`, `export const ask = (store = useSeeded()) => store;`),
  "src/api/seeded-setup.ts": lines(`import { useSeededSetup } from "../stores/seeded-setup";`, `export const ask = () => useSeededSetup;`),
  "src/api/other.ts": lines(`import { useOther } from "../stores/other";`, `export const ask = () => useOther;`),
};

/** A Vite app whose entry imports every calling module (each is browser code). */
const app = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-pinia-")));
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
  fs.writeFileSync(path.join(app, rel), text);
};
write("package.json", JSON.stringify({ name: "pinia-byok", private: true, type: "module", dependencies: { vue: "3.5.0", pinia: "2.2.0" }, devDependencies: { vite: "6.0.0" } }));
write("index.html", `<!doctype html>\n<html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>\n`);
write("src/main.ts", Object.keys(calls).map((rel, i) => `import * as api${i} from "./${rel.slice("src/".length, -".ts".length)}";\nconsole.info(api${i});`).join("\n") + "\n");
for (const [rel, text] of Object.entries({ ...stores, ...calls })) write(rel, text);
after(() => fs.rmSync(app, { recursive: true, force: true }));

/** A case linting `rel` as `code` (written to disk too, so the app's graph reads the same text). */
const linted = (rel: string, code = calls[rel]) => {
  write(rel, code);
  return { filename: path.join(app, rel), code };
};
/** A module of `rel`'s imports, calling OpenAI with `key`. */
const calling = (rel: string, key: string) => linted(rel, lines(calls[rel].split("\n")[0], `export const ask = () => ${bearer(key)};`));
const reported = [{ messageId: "directProviderCall" as const, line: 2 }];

ruleTester().run("no-client-ai-calls: the user's key in a Pinia store", rule, {
  valid: [
    { name: "an options store's field that starts empty, read through its getter into a module let (kodakjerec/chatgpt-vue)", ...linted("src/api/gpt.ts") },
    { name: "an options store's fields through a name given the store, a `this` getter and an arrow getter, tidied", ...linted("src/api/keys.ts") },
    { name: "a setup store's ref that starts empty: read off the store, through a computed getter, and through storeToRefs", ...linted("src/api/setup-keys.ts") },
    { name: "a Pinia store of the same file", ...linted("src/api/local-store.ts") },
    { name: "a field restored through the app's own storage wrapper, read off a const holding the store (onlyzdd/chatgpt-tauri)", ...linted("src/api/wrapped.ts") },
  ],
  invalid: [
    { name: "a field that starts from the build's env", ...calling("src/api/seeded.ts", "useSeeded().envKey"), errors: reported },
    { name: "a field an action fills from the build's env", ...calling("src/api/seeded.ts", "useSeeded().laterKey"), errors: reported },
    { name: "a field an action fills with a key written in", ...calling("src/api/seeded.ts", "useSeeded().writtenKey"), errors: reported },
    { name: "a field an action fills from a const of the env", ...calling("src/api/seeded.ts", "useSeeded().constKey"), errors: reported },
    { name: "a getter that returns the build's env, not a state field", ...calling("src/api/seeded.ts", "useSeeded().envGetter"), errors: reported },
    { name: "a setup store's ref that starts from the build's env", ...calling("src/api/seeded-setup.ts", "useSeededSetup().apiKey"), errors: reported },
    { name: "a setup store's ref a function fills from the build's env", ...calling("src/api/seeded-setup.ts", "useSeededSetup().laterKey"), errors: reported },
    { name: "a field restored by another object's get is no storage", ...calling("src/api/wrapped-vault.ts", "useWrapped().vaultKey"), errors: reported },
    { name: "a `defineStore` that is not Pinia's is not followed", ...calling("src/api/other.ts", "useOther().apiKey"), errors: reported },
    {
      name: "a module let the file also fills from the build's env",
      ...linted("src/api/gpt.ts", calls["src/api/gpt.ts"].replace("  return apiKey;\n}", "  return apiKey;\n}\nexport const reset = () => (apiKey = import.meta.env.VITE_OPENAI_API_KEY);")),
      errors: [{ messageId: "directProviderCall", line: 11 }],
    },
  ],
});
