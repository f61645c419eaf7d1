/**
 * A Firebase web config: `{ apiKey, authDomain, projectId, storageBucket, messagingSenderId,
 * appId }`, the object `initializeApp` takes in the browser. Its `apiKey` is public by design
 * (Firebase's docs: it identifies the project; security rules guard the data), whatever env
 * variable it is read from (`NG_APP_apiKey`, `VITE_API_KEY`…).
 */
import type { TSESTree } from "../ast";

const FIREBASE_CONFIG_KEYS = new Set(["authDomain", "projectId", "storageBucket", "messagingSenderId", "appId", "measurementId", "databaseURL"]);
/** Wrappers between a read and the property holding it (`X ?? ""`, `X as string`, `X!`). */
const WRAPPERS = new Set(["MemberExpression", "ChainExpression", "TSNonNullExpression", "TSAsExpression", "LogicalExpression"]);

/** `node` (an env read) is the `apiKey` of an object that has two or more other Firebase config keys. */
export function isFirebaseConfigApiKey(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  for (let hops = 0; parent && (WRAPPERS.has(parent.type) || isBareTemplate(parent)) && hops < 6; hops++) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== "Property" || parent.value !== child || keyName(parent) !== "apiKey") return false;
  const object = parent.parent;
  if (object?.type !== "ObjectExpression") return false;
  let siblings = 0;
  for (const property of object.properties) if (property.type === "Property" && FIREBASE_CONFIG_KEYS.has(keyName(property) ?? "")) siblings++;
  return siblings >= 2;
}

/** `` `${process.env.VUE_APP_APIKEY}` ``: a template of the read alone (szymonkonopek/Recipe-App, batch 52). */
function isBareTemplate(node: TSESTree.Node): boolean {
  return node.type === "TemplateLiteral" && node.expressions.length === 1 && node.quasis.every((quasi) => quasi.value.cooked === "");
}

/**
 * The same config spelled as env names: `PUBLIC_FB_API_KEY` beside `PUBLIC_FB_AUTH_DOMAIN` and
 * `PUBLIC_FB_MESSAGING_SENDER_ID` (HVVSATHWIK/Dots' template heads them "Firebase Configuration
 * (Client-exposed)", batch 165). Whatever the stem (`FB`, `FIRE`, none), an `API_KEY` whose stem
 * also names two more of the config's fields, one of them Firebase's alone (a messaging sender
 * id, an auth domain), is the config's `apiKey`. Not the stem's other keys: `FB_ACCESS_TOKEN`
 * (Facebook's) stays a secret.
 */
const ENV_CONFIG_FIELDS = ["AUTH_DOMAIN", "PROJECT_ID", "STORAGE_BUCKET", "MESSAGING_SENDER_ID", "APP_ID", "MEASUREMENT_ID", "DATABASE_URL"];
const FIREBASE_ONLY_FIELDS = new Set(["AUTH_DOMAIN", "MESSAGING_SENDER_ID"]);
const ENV_API_KEY = /^(.*?)_?API_?KEY$/;

/** The names among `names` that are a Firebase web config's `apiKey` by their siblings (above). */
export function firebaseConfigKeyNames(names: Iterable<string>): Set<string> {
  const all = new Set(names);
  const found = new Set<string>();
  for (const name of all) {
    const stem = ENV_API_KEY.exec(name)?.[1];
    if (stem === undefined) continue;
    const fields = ENV_CONFIG_FIELDS.filter((field) => all.has(stem ? `${stem}_${field}` : field));
    if (fields.length >= 2 && fields.some((field) => FIREBASE_ONLY_FIELDS.has(field))) found.add(name);
  }
  return found;
}

function keyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  return property.key.type === "Literal" && typeof property.key.value === "string" ? property.key.value : undefined;
}
