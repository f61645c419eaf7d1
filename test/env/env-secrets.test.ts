/**
 * What an env file's values say about a secret, on inputs made to defeat its patterns: the
 * placeholder alternatives (`your_…` behind a key's prefix, durations) stay linear at 1 MB.
 */
import { strict as assert } from "node:assert";
import { canBeSecret, holdsSecrets } from "../../eslint-plugin/src/engine/gitignore/env-secrets";

describe("env values: placeholders, durations and secrets", () => {
  it("a placeholder behind a key's prefix and a duration are no secret; a value is", () => {
    assert.equal(canBeSecret("sk-your_openai_api_key_here"), false);
    assert.equal(canBeSecret("sk-proj-your-key"), false);
    // A key's prefix, the rest masked (rahulrajak05/miniproject's tracked Backend/.env, batch 113).
    assert.equal(canBeSecret("AIzaSyXXXXXXX..."), false);
    assert.equal(canBeSecret("sk-xxxxxxxxxxxxxxxx"), false);
    // The prefix and an ellipsis (SzepesiBalazs/vue-ai-practice's tracked .env, batch 242).
    assert.equal(canBeSecret("sk-..."), false);
    assert.equal(canBeSecret("sk-proj-…"), false);
    assert.equal(canBeSecret("sk-...a1"), true);
    assert.equal(canBeSecret("sk-proj-XXXX…"), false);
    assert.equal(holdsSecrets("VITE_GEMINI_API_KEY=AIzaSyXXXXXXX...\n"), false);
    assert.equal(canBeSecret("7d"), false);
    assert.equal(canBeSecret("15m"), false);
    assert.equal(canBeSecret("900ms"), false);
    // A word for no value yet (MexicanCacti/Project2Group5's tracked `.env`, batch 226), in dotenv's `KEY: value` form too.
    assert.equal(canBeSecret("unset"), false);
    assert.equal(canBeSecret("TBD"), false);
    assert.equal(canBeSecret("n/a"), false);
    assert.equal(holdsSecrets("SERVER_PORT: 8080\nVISION_API_KEY: unset\n"), false);
    assert.equal(canBeSecret("unsettled"), true);
    assert.equal(canBeSecret("d8f3a9c2e1b7"), true);
    assert.equal(canBeSecret("yourcompanysecret"), true);
  });

  it("a connection string's placeholder password is none; a password or a key in the query is one", () => {
    // Aashish-po/study-buddy (batch 85): a tracked `.env` of placeholders.
    assert.equal(canBeSecret("mysql://username:password@localhost:3306/studybuddy"), false);
    assert.equal(canBeSecret("postgresql://user:<password>@db.example.com:5432/app"), false);
    assert.equal(canBeSecret("mongodb+srv://admin:your_password@cluster0.example.net/app"), false);
    assert.equal(canBeSecret("mongodb://localhost:27017"), false);
    assert.equal(canBeSecret("postgres://app:Xk29vLq8zT@db.example.com:5432/app"), true);
    // A database on the developer's own machine (bekeleandu024-ui/fleet-app-beta, batch 252).
    assert.equal(canBeSecret("postgresql://postgres:postgres@localhost:5432/tracking"), false);
    assert.equal(canBeSecret("redis://:devpass@127.0.0.1:6379"), false);
    assert.equal(canBeSecret("postgres://app:Xk29vLq8zT@localhost.example.com/app"), true);
    assert.equal(canBeSecret("https://db.example.com/app?authToken=Xk29vLq8zT"), true);
    assert.equal(holdsSecrets("DATABASE_URL=mysql://username:password@localhost:3306/studybuddy\nJWT_SECRET=your_32_char_random_secret_here\n"), false);
  });

  it("a credential file's path is no secret; base64 that starts with a slash is one (ParmesanToast/career, batch 235)", () => {
    assert.equal(canBeSecret("C:/_uni/key.json"), false);
    assert.equal(canBeSecret("C:\\Users\\me\\service-account.json"), false);
    assert.equal(canBeSecret("./service-account.json"), false);
    assert.equal(canBeSecret("~/.ssh/id_ed25519.pem"), false);
    assert.equal(canBeSecret("/etc/secrets/gcp.json"), false);
    assert.equal(canBeSecret("/" + "Ab3x+9Qz".repeat(5) + "=="), true);
    assert.equal(canBeSecret("./" + "a/".repeat(500_000)), true);
    const started = performance.now();
    canBeSecret("/" + "a".repeat(1_000_000) + ".");
    canBeSecret("/" + "a.".repeat(500_000) + " ");
    assert.ok(performance.now() - started < 500);
  });

  it("\"your key\" written in camel case is a placeholder; a value of mixed case and digits is not", () => {
    // 67-CPU/Vue-deepseek's tracked `.env` (batch 200).
    assert.equal(holdsSecrets("# DeepSeek API Key\nDEEPSEEK_API_KEY=YourApiKey\nPORT=3001\n"), false);
    assert.equal(canBeSecret("yourOpenAIKey"), false);
    assert.equal(canBeSecret("YourKeyHere"), false);
    // Digits, a lower-case run after a word, or a long value: what a key's random characters are.
    assert.equal(canBeSecret("YourApiKey9"), true);
    assert.equal(canBeSecret("YourapikeyzqXv"), true);
    assert.equal(canBeSecret("Your" + "AbcDef".repeat(8)), true);
  });

  it("\"your key\" after the verb that asks for it is a placeholder in any of the languages; a value is not", () => {
    // Richard-SI/educaAI-Nuxt's tracked `.env` (batch 146): Portuguese for "put your key here".
    assert.equal(holdsSecrets("OPENAI_API_KEY=coloque_sua_chave_aqui\nUSE_MOCK=true\n"), false);
    assert.equal(canBeSecret("insira_a_sua_chave_aqui"), false);
    assert.equal(canBeSecret("ingresa_tu_clave_api"), false);
    assert.equal(canBeSecret("coloque sua chave aqui"), false);
    assert.equal(canBeSecret("mettez_votre_cle"), false);
    // Words with no key word, or a value with digits, stay secrets.
    assert.equal(canBeSecret("coloque_sua_casa_aqui"), true);
    assert.equal(canBeSecret("coloque_sua_chave_4f9a2c7e1b"), true);
  });

  // Bounds are generous for a loaded 2-core machine; a backtracking pattern takes minutes at 1 MB.
  it("stays linear on 1 MB values that nearly match a placeholder", () => {
    for (const value of [`mysql://${"a:".repeat(350_000)}@host`, `mysql://u:${"your_".repeat(200_000)}@host`, `sk-your_${"a -".repeat(350_000)}!`, `your-${"x".repeat(1 << 20)}@`, `${"7".repeat(1 << 20)}d`, `abcdef_${"your_".repeat(200_000)}`, `sk-${"x".repeat(1 << 20)}!`, `abcdefgh${"x".repeat(1 << 20)}.`, `coloque_${"sua_".repeat(250_000)}1`]) {
      const started = performance.now();
      canBeSecret(value);
      holdsSecrets(`JWT_SECRET=${value}\n`);
      assert.ok(performance.now() - started < 5_000, `${(performance.now() - started).toFixed(0)} ms on ${value.slice(0, 12)}…`);
    }
  });
});
