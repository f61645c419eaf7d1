/**
 * Message templates of the client-exposure rules, shared by the ESLint rules' meta.messages and
 * the extension's diagnostics.
 */
import type { Messages } from "../finding";

export const noClientSecretsMessages = {
  clientSecret:
    "{{name}} is a server secret, but this code reaches the browser ({{chain}}). Read it only in server code (route handler, server action, loader) and send the browser the result, not the key.",
  secretSentToBrowser:
    "{{name}} is a server secret, but {{via}} sends it to the browser: that data is in the page every visitor downloads. Use the key here on the server and send the browser only the result.",
  undefinedInBrowser:
    "{{name}} is not a public variable, so it is undefined in the browser ({{chain}}).",
  serverOnlyInBrowser:
    "This module is server-only, but browser code imports it ({{chain}}): the build will fail. Import it from server code only.",
  serverOnlyImport:
    "\"{{module}}\" is a server-only module, but this file runs in the browser ({{chain}}): the build will fail. Move this import to server code.",
} satisfies Messages;

export const noPublicSecretsMessages = {
  publicSecret:
    "{{name}} looks like a secret, but the {{prefix}} prefix copies its value into the browser bundle for every visitor. Keep it server-side as {{unprefixed}}: read it only in server code, and where browser code needs the provider, call it through a server route. Rotate the key if it was ever deployed.",
  publicSecretDefined:
    "{{name}} looks like a secret, and {{tool}}'s config writes its value into the browser bundle for every visitor. Keep it out of the build: read it only in server code, and where browser code needs the provider, call it through a server route. Rotate the key if it was ever deployed.",
  publicSecretFromCi:
    "{{name}} looks like a secret, and this workflow fills it from {{secret}} for the build: the {{prefix}} prefix copies the value into the browser bundle for every visitor, secret or not. Give the build no key: pass {{secret}} only to server code (as {{unprefixed}}), and call the provider through a server route. Rotate the key if the site was ever deployed.",
  publicSecretInApp:
    "{{name}} looks like a secret, but {{tool}}'s {{prefix}} prefix writes its value into a bundle that every installed copy of the app holds. Read {{unprefixed}} at run time (never built into the app) in {{backEnd}}. Rotate the key if it was ever shipped.",
  configEnvSecret:
    "{{name}} in next.config's env is inlined into the browser bundle for every visitor. Read it with process.env in server code instead.",
  configDefineSecret:
    "{{name}} is defined into the browser bundle by the build config, so every visitor gets its value. Read it in server code instead.",
  configDefineSecretInApp:
    "{{name}} is written into the app's bundle by electron-vite's define, so every copy of the app holds its value. Read it from process.env in the main process at run time instead.",
  configDefineWholeEnv:
    "define writes the whole build environment into the browser bundle as {{name}}: every variable of the machine that builds it, keys included, ships wherever the code reads {{name}}. Define the public values the browser needs one by one.",
  configRuntimePublicSecret:
    "{{name}} in nuxt.config's runtimeConfig.public is sent to every visitor: Nuxt writes public runtime config into each page. Move it out of `public` (server-only runtimeConfig) and call the provider from a server/ route, where useRuntimeConfig() reads it.",
  configNextPublicRuntimeSecret:
    "{{name}} in next.config's publicRuntimeConfig is sent to every visitor: Next.js writes it into each page's data. Move it to serverRuntimeConfig (or read process.env in server code) and call the provider from an API route.",
  configExpoExtraSecret:
    "{{name}} in the Expo config's extra is built into the app: every installed copy holds it (Constants.expoConfig.extra). Keep the secret on a server (an Expo API route or your backend) and call the provider from there.",
  prefixNotExposed:
    "{{name}}: this prefix is not exposed by {{framework}}: the value is undefined in the browser ({{framework}} exposes {{exposes}}). A secret must not be made public anyway: call the provider from server code.",
  renameToServerName: "Read {{unprefixed}} instead (this code runs only on the server)",
} satisfies Messages;

export const noClientAiCallsMessages = {
  dangerousBrowserClient:
    "{{provider}} client created with {{flag}} in browser code ({{chain}}): its API key ships to every visitor. Call {{provider}} from a server route instead.",
  directProviderCall:
    "Browser code calls {{host}} with an API key ({{chain}}): the key ships to every visitor. Send the request through a server route instead.",
  dangerousDirectBrowserAccess:
    "anthropic-dangerous-direct-browser-access lets browser code call Anthropic with an API key ({{chain}}): the key ships to every visitor. Call Anthropic from a server route instead.",
  browserSdkClient:
    "{{provider}} client created with an API key in browser code ({{chain}}): the key ships to every visitor. Call {{provider}} from a server route instead.",
  browserSdkClientKeySlot:
    "{{provider}} client in browser code ({{chain}}) takes its API key from the app's source, a placeholder for now: the key written there will ship to every visitor. Call {{provider}} from a server route instead.",
  browserAuthHeader:
    "Browser code sends an API key for {{provider}} in the {{header}} header ({{chain}}): the key ships to every visitor. Send the request through a server route instead.",
  // The same calls in a desktop app's window (Electron, Tauri; engine/client/desktop-apps.ts):
  // there is no visitor and no server route, and every installed copy holds what was built in.
  dangerousBrowserClientInApp:
    "{{provider}} client created with {{flag}} in the app's window ({{chain}}): its API key ships in every installed copy of the app. Call {{provider}} with a key read at run time (never one built into the app) from {{backEnd}}.",
  directProviderCallInApp:
    "The app's window calls {{host}} with an API key ({{chain}}): the key ships in every installed copy of the app. Send the request with a key read at run time (never one built into the app) from {{backEnd}}.",
  dangerousDirectBrowserAccessInApp:
    "anthropic-dangerous-direct-browser-access lets the app's window call Anthropic with an API key ({{chain}}): the key ships in every installed copy of the app. Call Anthropic with a key read at run time (never one built into the app) from {{backEnd}}.",
  browserSdkClientInApp:
    "{{provider}} client created with an API key in the app's window ({{chain}}): the key ships in every installed copy of the app. Call {{provider}} with a key read at run time (never one built into the app) from {{backEnd}}.",
  browserSdkClientKeySlotInApp:
    "{{provider}} client in the app's window ({{chain}}) takes its API key from the app's source, a placeholder for now: the key written there will ship in every installed copy of the app. Call {{provider}} with a key read at run time (never one built into the app) from {{backEnd}}.",
  browserAuthHeaderInApp:
    "The app's window sends an API key for {{provider}} in the {{header}} header ({{chain}}): the key ships in every installed copy of the app. Send the request with a key read at run time (never one built into the app) from {{backEnd}}.",
} satisfies Messages;
