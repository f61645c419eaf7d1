/** Messages of `env-dockerignore` and `no-docker-keys`, shared by the ESLint rules and the extension. */
import type { Messages } from "../finding";

export const ENV_DOCKERIGNORE_RULE = "env-dockerignore";
export const NO_DOCKER_KEYS_RULE = "no-docker-keys";

export const envDockerignoreMessages = {
  envInImage:
    "{{file}} is in the build context of {{dockerfile}} and `{{copy}}` (line {{line}}) copies it into the image{{via}}: every key in it ships in a layer. Add {{entries}} to {{dockerignore}}.",
  envCopiedByName:
    "`{{copy}}` ({{dockerfile}} line {{line}}) copies {{file}}, which holds secrets, into the image: anyone who pulls it can read them. Pass them at run time (`docker run --env-file`) or as build secrets.",
  envReincluded:
    "{{file}} is copied into the image by {{dockerfile}} (line {{line}}) because `{{pattern}}` in {{dockerignore}} brings it back into the build context. Remove that line unless the file never holds a key.",
  missingEntries:
    "`{{copy}}` in {{dockerfile}} copies the whole build context, and {{dockerignore}} does not exclude {{files}}: a local env file would ship in the image. Add {{entries}}.",
  addEntries: "Add {{entries}} to {{dockerignore}}",
} satisfies Messages;

export const noDockerKeysMessages = {
  keyInDockerfile:
    "{{provider}} {{kind}} {{key}} in `{{instruction}} {{name}}`: it is stored in the image's layers and history, readable by anyone who pulls it. Rotate it and pass it at run time{{hint}}.",
  keyInCompose:
    "{{provider}} {{kind}} {{key}} in the `environment:` of service `{{service}}`, committed with the compose file. Rotate it and read it from the environment: `{{name}}: ${{{name}}}`.",
  buildArgInImage:
    "`ENV {{name}}` stores the {{provider}} key passed to the build as `--build-arg {{arg}}` in the image's config: anyone who pulls the image reads it (`docker inspect`). Pass it at run time (`docker run -e {{name}}`), or to a build step as a secret (`RUN --mount=type=secret`).",
  readFromEnvironment: "Read {{name}} from the environment",
  dropDefault: "Remove the default value of ARG {{name}}",
} satisfies Messages;
