/**
 * Angular's client boundary (fixture app `angular`: angular.json with SSR and fileReplacements):
 * everything under `src/` is browser code but the SSR server (`src/server.ts`, `*.server.ts`); the
 * environment files are, even the one only `fileReplacements` names. So a key in
 * `environment.prod.ts` ships, and "read it from process.env" is no fix there (the browser has no
 * process.env). Calls through Angular's HttpClient (`this.http.post(url, body, { headers })`,
 * `new HttpHeaders(…)`, `.set("Authorization", …)`) are browser calls like `fetch`.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { angularEntries, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noHardcodedKeys from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "angular", rel);
const openai = fakeKey("openai", undefined, 41);

describe("Angular: the client boundary", () => {
  it("is an Angular app; src/ is browser code, its SSR server is not", () => {
    assert.equal(frameworkOf(file("src/main.ts")).name, "angular");
    assert.deepEqual(browserChain(file("src/app/chat.service.ts"))?.map((f) => path.relative(path.join(APPS, "angular"), f)), ["src/main.ts", "src/app/app.component.ts", "src/app/chat.service.ts"]);
    // Only fileReplacements names it; no import reaches it.
    assert.ok(browserChain(file("src/environments/environment.prod.ts")));
    assert.equal(browserChain(file("src/server.ts")), undefined);
  });

  it("an angular.json of any shape gives no entries and no crash", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-ng-"));
    try {
      for (const text of ["null", "[]", '{"projects": {"a": null}}', '{"projects": {"a": {"architect": {"build": {"options": null, "configurations": {"p": {"fileReplacements": [null, 3]}}}}}}}', "{not json"]) {
        fs.writeFileSync(path.join(dir, "angular.json"), text);
        assert.deepEqual(angularEntries(dir), [], text);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("follows constructor injection: a decorated class's parameter type is an import Angular keeps", () => {
    // app.component.ts names ChatService only as `constructor(private readonly chat: ChatService)`.
    assert.deepEqual(browserChain(file("src/app/chat.service.ts"))?.slice(-2).map((f) => path.basename(f)), ["app.component.ts", "chat.service.ts"]);
  });
});

const ENV = { production: file("src/environments/environment.prod.ts"), server: file("src/server.ts"), service: file("src/app/chat.service.ts") };

ruleTester().run("no-hardcoded-keys (Angular)", rule(noHardcodedKeys), {
  valid: [],
  invalid: [
    {
      name: "a key in the production environment file ships to the browser: no process.env suggestion",
      filename: ENV.production,
      code: `export const environment = {\n  production: true,\n  openaiApiKey: "${openai}",\n};\n`,
      errors: [{ messageId: "hardcodedInBrowser", line: 3, suggestions: [] }],
    },
    {
      name: "a key in the SSR server: read it from process.env",
      filename: ENV.server,
      code: `export const key = "${openai}";\n`,
      errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [{ messageId: "useEnvVar", output: `export const key = process.env.OPENAI_API_KEY;\n` }] }],
    },
  ],
});

const service = (call: string) =>
  [
    `import { HttpClient, HttpHeaders } from "@angular/common/http";`,
    `import { Injectable, inject } from "@angular/core";`,
    `import { environment } from "../../environments/environment";`,
    `@Injectable({ providedIn: "root" })`,
    `export class ChatService {`,
    `  private readonly http = inject(HttpClient);`,
    `  ask(question: string) {`,
    call,
    `  }`,
    `}`,
  ].join("\n");

/** A service that keeps its endpoint and key in fields (`apiUrl` is the line given). */
const fieldService = (apiUrl: string) =>
  [
    `import { HttpClient } from "@angular/common/http";`,
    `import { Injectable } from "@angular/core";`,
    `import { environment } from "../../environments/environment";`,
    `@Injectable({ providedIn: "root" })`,
    `export class GeminiService {`,
    `  private apiKey = environment.geminiKey;`,
    apiUrl,
    `  constructor(private http: HttpClient) {}`,
    `  ask(prompt: string) {`,
    `    return this.http.post(this.apiUrl, { contents: [{ role: "user", parts: [{ text: prompt }] }] });`,
    `  }`,
    `}`,
  ].join("\n");

/** A service whose method builds its URL from two fields, the URL field set to `urlField`. */
const localUrlService = (urlField: string) =>
  [
    `import { HttpClient } from "@angular/common/http";`,
    `import { Injectable, inject } from "@angular/core";`,
    `import { environment } from "../environments/environment";`,
    `@Injectable({ providedIn: "root" })`,
    `export class ChatService {`,
    `  private http = inject(HttpClient);`,
    `  private apiUrl = ${urlField};`,
    `  private apiKey = environment.geminiKey;`,
    `  ask(prompt: string) {`,
    "    const url = `${this.apiUrl}?key=${this.apiKey}`;",
    `    const body = { contents: [{ parts: [{ text: prompt }] }] };`,
    `    return this.http.post(url, body);`,
    `  }`,
    `}`,
  ].join("\n");

ruleTester().run("no-client-ai-calls (Angular HttpClient)", rule(noClientAiCalls), {
  valid: [
    { name: "the app's own route", filename: ENV.service, code: service(`    return this.http.post("/api/chat", { question });`) },
    { name: "a provider host without a key", filename: ENV.service, code: service(`    return this.http.get("https://api.openai.com/v1/models");`) },
    { name: "a provider URL with no key, in a template literal with no hole", filename: ENV.service, code: service(`    return this.http.post(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?alt=sse\`, { question });`) },
    { name: "the app's own route in a class field", filename: ENV.service, code: fieldService(`  private apiUrl = "/api/chat?key=" + this.apiKey;`) },
    { name: "a field's map keyed by a provider's URL is no request", filename: ENV.service, code: service(`    return this.cache.get("https://api.openai.com/v1/models?key=x");`) },
    {
      name: "the app's own API, its URL in the environment",
      filename: ENV.service,
      code: service(`    return this.http.post(environment.apiUrl, { question }, { headers: { Authorization: \`Bearer \${environment.openaiApiKey}\` } });`).replace("../../environments/environment", "../environments/environment"),
    },
    { name: "the same local URL const, the field set to the app's own API", filename: ENV.service, code: localUrlService("environment.apiUrl") },
    {
      // nicholasching/Perception's GeminiService (batch 38): the field starts as a placeholder, settings fill it.
      name: "a field a method fills at run time (the user's saved settings) holds that, not its placeholder initializer",
      filename: ENV.service,
      code: [`import { GoogleGenerativeAI } from "@google/generative-ai";`, `export class GeminiService {`, `  private apiKey: string = "notyetinitialized";`, `  async initialize() {`, `    const settings = JSON.parse(localStorage.getItem("userSettings") ?? "{}");`, `    this.apiKey = settings.geminiApiKey;`, `    return new GoogleGenerativeAI(this.apiKey);`, `  }`, `}`].join("\n"),
    },
    {
      name: "a field set from the constructor's parameter holds the caller's key, not the developer's",
      filename: ENV.service,
      code: [`import { GoogleGenAI } from "@google/genai";`, `const apiKey = "";`, `export class Assistant {`, `  private apiKey: string;`, `  constructor(apiKey: string) {`, `    this.apiKey = apiKey;`, `  }`, `  client() {`, `    return new GoogleGenAI({ apiKey: this.apiKey });`, `  }`, `}`].join("\n"),
    },
    {
      name: "an SDK client keyed from an environment file that holds no such key",
      filename: ENV.service,
      code: [`import { GoogleGenAI } from "@google/genai";`, `import { environment } from "../environments/environment";`, `export const ai = new GoogleGenAI({ apiKey: environment.apiKey });`].join("\n"),
    },
  ],
  invalid: [
    {
      name: "new HttpHeaders({ Authorization }) in the options",
      filename: ENV.service,
      code: service(`    return this.http.post("https://api.openai.com/v1/chat/completions", { question }, { headers: new HttpHeaders({ Authorization: \`Bearer \${environment.openaiApiKey}\` }) });`),
      errors: [{ messageId: "directProviderCall", line: 8, data: { host: "api.openai.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      // gaston04gut/tp-webservices-5658 (batch 78): the key written into a template with no hole.
      name: "a key written into the URL's query, in a template literal with no hole",
      filename: ENV.service,
      code: service(`    const url = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=${fakeKey("google-ai", undefined, 43)}\`;\n    return this.http.post<any>(url, { question });`),
      errors: [{ messageId: "directProviderCall", line: 9, data: { host: "generativelanguage.googleapis.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      name: "headers built with .set() into a const",
      filename: ENV.service,
      code: service(`    const headers = new HttpHeaders().set("Content-Type", "application/json").set("Authorization", "Bearer " + environment.openaiApiKey);\n    return this.http.post("https://api.openai.com/v1/responses", { input: question }, { headers });`),
      errors: [{ messageId: "directProviderCall", line: 9 }],
    },
    {
      name: "the URL and key in class fields: this.http.post(this.apiUrl, body)",
      filename: ENV.service,
      code: fieldService(`  private apiUrl = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${this.apiKey}\`;`),
      errors: [{ messageId: "directProviderCall", line: 10, data: { host: "generativelanguage.googleapis.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      name: "the provider's URL kept in the imported environment, read through a field (everorman/chatgpt)",
      filename: ENV.service,
      code: service(`    return this.http.post(this.apiUrl, { question }, { headers: { Authorization: \`Bearer \${environment.openaiApiKey}\` } });`)
        .replace("../../environments/environment", "../environments/environment")
        .replace("  private readonly http = inject(HttpClient);", "  private readonly http = inject(HttpClient);\n  private apiUrl = environment.completionsUrl;"),
      errors: [{ messageId: "directProviderCall", line: 9, data: { host: "api.openai.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      // ManonTgr/Angular-GeminiChat (batch 85): a local const built from the fields, the URL field set from the environment.
      name: "a local URL const built from class fields: const url = `${this.apiUrl}?key=${this.apiKey}`",
      filename: ENV.service,
      code: localUrlService("environment.geminiUrl"),
      errors: [{ messageId: "directProviderCall", line: 12, data: { host: "generativelanguage.googleapis.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      // Nandaku45/Aichatbot's src/app/api.ts (batch 32): the HttpClient injected as `hc`, the key written into the URL field.
      name: "HttpClient under any field name: this.hc.post(this.url, body, { headers })",
      filename: ENV.service,
      code: fieldService(`  private url = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=" + this.apiKey;`)
        .replace("private http: HttpClient", "private hc: HttpClient")
        .replace("this.http.post(this.apiUrl,", "this.hc.post(this.url,"),
      errors: [{ messageId: "directProviderCall", line: 10, data: { host: "generativelanguage.googleapis.com", chain: "src/main.ts → src/app/app.component.ts → src/app/chat.service.ts" } }],
    },
    {
      name: "Gemini with the key in the query",
      filename: ENV.service,
      code: service(`    return this.http.post(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${environment.geminiKey}\`, { contents: [] });`),
      errors: [{ messageId: "directProviderCall", line: 8 }],
    },
    {
      // learn-by-do-ing/angular-ai-gemini-masterclass-1 (batch 37): environment.ts is gitignored, each developer writes their own.
      name: "an SDK client keyed from an environment file git does not hold: the build bundles it, key and all",
      filename: ENV.service,
      code: [`import { GoogleGenAI } from "@google/genai";`, `import { environment } from "../../environments/environment";`, `export const ai = new GoogleGenAI({ apiKey: environment.apiKey });`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3 }],
    },
    {
      // TilStack/angular-gemini-ui-demo (batch 93): the key kept in a field of the service, set from the environment file.
      name: "an SDK client keyed with a field the class sets from an environment file git does not hold",
      filename: ENV.service,
      code: [`import { Injectable } from "@angular/core";`, `import { GoogleGenerativeAI } from "@google/generative-ai";`, `import { environment } from "../../environments/environment";`, `@Injectable({ providedIn: "root" })`, `export class GeminiService {`, `  apikey = environment.apiKey;`, `  genAI = new GoogleGenerativeAI(this.apikey);`, `}`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 7 }],
    },
    {
      // PioGodwin-M/ed (batch 89): the key from a getter of the service that reads it.
      name: "an SDK client keyed with what a method of the class returns (`this.getApiKey()`)",
      filename: ENV.service,
      code: [`import { Injectable } from "@angular/core";`, `import { GoogleGenAI } from "@google/genai";`, `import { environment } from "../../environments/environment";`, `@Injectable({ providedIn: "root" })`, `export class AdaptService {`, `  ask(prompt: string) {`, `    const apiKey = this.getApiKey();`, `    return new GoogleGenAI({ apiKey }).models.generateContent({ model: "gemini-2.0-flash", contents: prompt });`, `  }`, `  private getApiKey(): string {`, `    return environment.apiKey || "";`, `  }`, `}`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 8 }],
    },
    {
      // MariusTews/test-generation-app (batch 68): imported from the project's root (tsconfig baseUrl "./").
      name: "the same, imported as src/environments/… from the project's root",
      filename: ENV.service,
      code: [`import { GoogleGenerativeAI } from "@google/generative-ai";`, `import { environment } from "src/environments/environment.local";`, `export const genAI = new GoogleGenerativeAI(environment.API_KEY);`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3 }],
    },
  ],
});

ruleTester().run("no-client-secrets (Angular)", rule(noClientSecrets), {
  valid: [appFile("angular", "src/server.ts")],
  invalid: [
    {
      // Imported only by another module no entry reaches yet: that one is browser code too, not server code.
      name: "a module only an unreached screen imports is browser code",
      filename: file("src/app/draft/summary.ts"),
      code: `export const key = process.env.GROQ_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "GROQ_API_KEY", chain: "src/app/draft/summary.ts" } }],
    },
    {
      // A module only its test imports is still browser code: a test is not server code.
      name: "a module only a spec imports is browser code of the app",
      filename: file("src/app/format.ts"),
      code: `export const key = process.env.ANTHROPIC_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "ANTHROPIC_API_KEY", chain: "src/app/format.ts" } }],
    },
    {
      name: "a server secret read in a component",
      filename: file("src/app/app.component.ts"),
      code: `export const key = process.env.OPENAI_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain: "src/main.ts → src/app/app.component.ts" } }],
    },
  ],
});

// @ngx-env/builder reads NG_APP_ variables into the bundle. A Firebase web config's apiKey is
// public by design, whatever the variable is called (a real photo app in bench/real-apps).
const firebase = (apiKey: string) =>
  `export const environment = {\n  "projectId": import.meta.env["NG_APP_projectId"],\n  "appId": import.meta.env["NG_APP_appId"],\n  "apiKey": ${apiKey},\n  "authDomain": import.meta.env["NG_APP_authDomain"],\n};\n`;
ruleTester().run("no-public-secrets (Angular, @ngx-env)", rule(noPublicSecrets), {
  valid: [
    { name: "a Firebase web config's apiKey", filename: ENV.production, code: firebase(`import.meta.env["NG_APP_apiKey"]`) },
    // szymonkonopek/Recipe-App (batch 52, Vue CLI): the read alone in a template.
    { name: "a Firebase web config's apiKey in a template of the read alone", filename: ENV.production, code: firebase("`${import.meta.env[\"NG_APP_apiKey\"]}`") },
  ],
  invalid: [
    {
      name: "an OpenAI key beside it is still a secret",
      filename: ENV.production,
      code: `${firebase(`import.meta.env["NG_APP_apiKey"]`)}export const openAIKey = import.meta.env["NG_APP_openAiKEY"];\n`,
      errors: [{ messageId: "publicSecret", line: 7 }],
    },
    {
      name: "apiKey in an object that is no Firebase config",
      filename: ENV.production,
      code: `export const environment = { apiKey: import.meta.env["NG_APP_apiKey"], model: "gpt-4.1" };\n`,
      errors: [{ messageId: "publicSecret", line: 1 }],
    },
  ],
});
