/** Messages of `env-npm-publish`, shared by the ESLint rule and the extension. */
import type { Messages } from "../finding";

export const ENV_NPM_PUBLISH_RULE = "env-npm-publish";

export const envNpmPublishMessages = {
  notIgnored:
    "`npm publish` of {{package}} would ship {{file}} with every key in it: nothing in .npmignore or .gitignore excludes it. Add {{entry}} to {{target}}.",
  listedInFiles:
    "`npm publish` of {{package}} would ship {{file}} with every key in it: `files` in package.json takes it in. Add \"{{entry}}\" to {{target}}.",
} satisfies Messages;
