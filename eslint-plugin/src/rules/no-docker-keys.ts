/**
 * no-docker-keys: a provider key in a Dockerfile `ENV`/`ARG` value or a compose `environment:`.
 * ESLint does not lint Dockerfiles or compose files as code, so this rule's create() reports
 * nothing; configs.files' processor (files-processor.ts) reports its findings in ESLint, and the
 * extension runs it too (engine/docker). The rule is here so it has its id, messages, docs and
 * severity in one place and `keyfence/no-docker-keys` can be configured.
 */
import type { noDockerKeysMessages } from "../engine/docker";
import { createRule } from "../util/create-rule";
import { RULES } from "../engine/rules";

type MessageId = keyof typeof noDockerKeysMessages;

export default createRule<[], MessageId>({
  name: "no-docker-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow provider keys in Dockerfile ENV/ARG values and compose environment:",
      recommended: RULES["no-docker-keys"].severity,
    },
    hasSuggestions: true,
    schema: [],
    messages: RULES["no-docker-keys"].messages,
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
