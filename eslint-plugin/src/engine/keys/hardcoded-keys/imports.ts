/** What a whole file says about the services it talks to: the packages it imports, the hosts its URLs name. */
import type { TSESTree } from "../../ast";
import { providerForHost } from "../../providers";
import type { Provider } from "../../providers/types";

function requireSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (
    node?.type === "CallExpression" &&
    node.callee.type === "Identifier" &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === "Literal" &&
    typeof node.arguments[0].value === "string"
  ) {
    return node.arguments[0].value;
  }
  if (node?.type === "AwaitExpression" && node.argument.type === "ImportExpression") {
    const source = node.argument.source;
    return source.type === "Literal" && typeof source.value === "string" ? source.value : undefined;
  }
  return undefined;
}

export function importedPackages(program: TSESTree.Program): string[] {
  const packages: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") packages.push(statement.source.value);
    else if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        const source = requireSource(declarator.init);
        if (source) packages.push(source);
      }
    }
  }
  return packages.filter((name) => !name.startsWith("."));
}

/** Host names in URLs (`https://api.stability.ai/v1/…`); one pass, no alternation, linear. */
const URL_HOST = /\bhttps?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

/**
 * A string that is a host and nothing else (`hostname: "api.deepseek.com"`, Node's `https.request`
 * options): dot-separated labels between quotes; each label ends at a dot or the quote, linear.
 */
const QUOTED_HOST = /["'`]([a-z0-9-]+(?:\.[a-z0-9-]+)+)["'`]/gi;

/** The distinct hosts a file's URLs name (and its strings that are a host alone), lower-cased. */
export function urlHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const pattern of [URL_HOST, QUOTED_HOST]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) hosts.add(match[1].toLowerCase());
  }
  return [...hosts];
}

/** The providers whose API hosts a file's URLs name: each distinct host asked once per file, not once per key. */
export function hostProviders(text: string): ReadonlySet<Provider> {
  const found = new Set<Provider>();
  for (const host of urlHosts(text)) {
    const provider = providerForHost(host);
    if (provider) found.add(provider);
  }
  return found;
}
