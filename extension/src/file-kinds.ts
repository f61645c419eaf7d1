/** Which files KeyFence reads, and how: parsed code, env files, or plain text scanned for keys. */
import { basename } from "node:path";

export type FileKind = "code" | "env" | "gitignore" | "text";

/** JS/TS, and the components whose `<script>` blocks the engine reads (eslint-plugin/src/engine/component-code.ts). */
const CODE = /\.(?:[cm]?[jt]s|[jt]sx|vue|svelte|astro)$/i;
const TEXT = /\.(?:json|jsonc|json5|ya?ml|toml|py|sh|bash|zsh|ini|cfg|conf|properties|tf|tfvars|md|mdx|markdown|txt|html?)$/i;
const TEXT_NAMES = /^(?:Dockerfile(?:\..+)?|.+\.Dockerfile|Containerfile|docker-compose.*|compose\.ya?ml|Makefile|\.dockerignore|.+\.dockerignore|\.npmrc|\.yarnrc(?:\.yml)?|\.envrc)$/i;

export function fileKind(file: string): FileKind | undefined {
  const name = basename(file);
  if (name === ".gitignore") return "gitignore";
  if (/^\.env(?:\..*)?$/.test(name) || /\.env$/.test(name) || /^\.dev\.vars(?:\..+)?$/.test(name)) return "env";
  if (/\.d\.[cm]?ts$/i.test(name)) return undefined;
  if (CODE.test(name)) return "code";
  if (TEXT.test(name) || TEXT_NAMES.test(name)) return "text";
  return undefined;
}
