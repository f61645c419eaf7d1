/**
 * Where a key in a file that is not JavaScript should live instead, in that file's own terms:
 * "read it from process.env" is advice for code, not for a workflow, a Python script or a
 * Dockerfile. Undefined for code files (JS/TS and the component formats): their advice depends
 * on the code around the key (hardcoded-keys.ts).
 */
import { basename } from "node:path";
import { isComposeFileName, isDockerfileName } from "../docker/file-names";

const PYTHON = /\.py$/i;
const SHELL = /(?:\.(?:sh|bash|zsh)|^\.envrc)$/i;
const CI_WORKFLOW = /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$|(?:^|[\\/])\.gitlab-ci\.ya?ml$/i;
/** A Cloudflare Worker's config: its `vars` are plain text in the deployed Worker and in git. */
const WRANGLER = /^wrangler\.(?:toml|jsonc?)$/i;
const CONFIG = /\.(?:json|jsonc|json5|ya?ml|toml|properties|ini|cfg|conf|tf|tfvars)$|^(?:Makefile|\.npmrc|\.yarnrc(?:\.yml)?)$/i;

export function fileAdvice(file: string, envVar: string): string | undefined {
  const name = basename(file);
  if (isDockerfileName(name)) return `pass it at build time as a secret (\`RUN --mount=type=secret,id=${envVar}\`) or at run time (\`docker run -e ${envVar}\`), never in the image`;
  if (isComposeFileName(name)) return `reference it as \`\${${envVar}}\` and keep the value in an untracked .env next to the compose file`;
  if (PYTHON.test(name)) return `read it with \`os.environ["${envVar}"]\``;
  if (SHELL.test(name)) return `read it from the environment (\`"$${envVar}"\`)`;
  if (CI_WORKFLOW.test(file)) return `store it as a CI secret named ${envVar} and reference that secret here`;
  if (WRANGLER.test(name)) return `store it as a Worker secret (\`wrangler secret put ${envVar}\`, and in an untracked .dev.vars for local runs), not in vars`;
  if (CONFIG.test(name)) return `set ${envVar} outside the repository (your deployment's secret store or an untracked env file) and have the code read it from there`;
  return undefined;
}
