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

function keyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  return property.key.type === "Literal" && typeof property.key.value === "string" ? property.key.value : undefined;
}
