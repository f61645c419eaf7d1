/**
 * env-dockerignore: an env file that a Dockerfile's COPY/ADD takes from the build context, with
 * .dockerignore not excluding it, ships in the image. Reported on the env file (fix: append to the
 * .dockerignore, another file, so the extension applies it). Its .dockerignore and Dockerfile
 * findings are for the extension and the env-file processor. The analysis is engine/docker.
 * Env files reach it through configs.recommended's env-file handling (the KeyFence parser's empty
 * Program today, the env-file processor once it lands); on code files it listens to nothing.
 */
import type * as Engine from "../engine/docker";
import type { envDockerignoreMessages } from "../engine/docker";
import { createRule } from "../util/create-rule";
import { fileKind, isReadableTextFile } from "../util/file-kind";
import { reportFindings } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type MessageId = keyof typeof envDockerignoreMessages;

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/docker") as typeof Engine);

export default createRule<[], MessageId>({
  name: "env-dockerignore",
  meta: {
    type: "problem",
    docs: {
      description: "Require .dockerignore to keep env files out of Docker images",
      recommended: RULES["env-dockerignore"].severity,
    },
    schema: [],
    messages: RULES["env-dockerignore"].messages,
  },
  defaultOptions: [],
  create(context) {
    if (fileKind(context.physicalFilename) !== "env" || !isReadableTextFile(context.sourceCode.text)) return {};
    const { envFileDockerFindings } = engine();
    return {
      Program() {
        let findings: ReturnType<typeof envFileDockerFindings>;
        try {
          findings = envFileDockerFindings(context.physicalFilename, context.sourceCode.text);
        } catch {
          findings = [];
        }
        reportFindings(context, findings, {});
      },
    };
  },
});
