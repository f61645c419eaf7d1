/**
 * Findings of `no-docker-keys`: a provider key written as a Dockerfile `ENV`/`ARG` value (stored
 * in the image's layers and `docker history`) or in a compose service's `environment:`
 * (committed with the compose file). The key formats are the engine's; the variable's name is
 * the context that confirms a generic-looking format.
 */
import { resolve } from "node:path";
import type { Finding } from "../finding";
import { scanText } from "../keys";
import { parseComposeFile } from "./compose";
import { providerForEnvName } from "../providers";
import { parseDockerfile, type Dockerfile } from "./dockerfile";
import { NO_DOCKER_KEYS_RULE } from "./messages";

export function dockerfileKeyFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const dockerfile = parseDockerfile(text);
  const findings: Finding[] = buildArgsInImage(absolute, dockerfile);
  for (const variable of dockerfile.variables) {
    for (const part of writtenParts(variable.value)) for (const match of scanText(part.text, { context: [variable.name] })) {
      const start = variable.valueRange.start + part.offset + match.start;
      const finding: Finding = {
        ruleId: NO_DOCKER_KEYS_RULE,
        messageId: "keyInDockerfile",
        data: {
          provider: match.provider.name,
          kind: match.kind.name,
          key: match.redacted,
          instruction: variable.instruction,
          name: variable.name,
          hint: variable.instruction === "ENV" ? ` (\`docker run -e ${variable.name}\`)` : " (a build secret: `RUN --mount=type=secret`)",
        },
        file: absolute,
        range: { start, end: start + (match.end - match.start) },
      };
      if (variable.instruction === "ARG") {
        // `ARG NAME=key` → `ARG NAME`: the value then comes from `--build-arg` or nowhere.
        const equals = text.lastIndexOf("=", variable.valueRange.start);
        const quoted = /["']/.test(text[variable.valueRange.end] ?? "") ? 1 : 0;
        finding.fixes = [
          {
            title: `Remove the default value of ARG ${variable.name}`,
            edits: [{ kind: "replace", file: absolute, range: { start: equals, end: variable.valueRange.end + quoted }, text: "" }],
          },
        ];
      }
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * `${NAME:-default}` and `${NAME-default}`: the default, used whenever the variable is unset. A default that
 * reads another variable is none written (and stopping at the next `$` keeps the scan linear).
 */
const DEFAULT_VALUE = /\$\{([A-Za-z_]\w*):?-([^}$]*)\}/g;

/**
 * What a value writes itself, where a key would sit in the repository: all of it, or where it reads
 * variables (`$NAME`, `${NAME}`: the fix, not a finding) only their defaults, `${GEMINI_API_KEY:-AIza…}`
 * (randeepc123/small-business-finder's compose file, batch 264). Offsets are the value's.
 */
function writtenParts(value: string): Array<{ text: string; offset: number; reference?: { text: string; name: string } }> {
  if (!value.includes("$")) return [{ text: value, offset: 0 }];
  return [...value.matchAll(DEFAULT_VALUE)].map((match) => ({
    text: match[2],
    offset: match.index + match[0].length - 1 - match[2].length,
    reference: { text: match[0], name: match[1] },
  }));
}

/** `$NAME`, `${NAME}`, `${NAME:-default}`: the variables a value reads. */
const REFERENCE = /\$(?:\{([A-Za-z_]\w*)(?::?[-+?][^}]*)?\}|([A-Za-z_]\w*))/g;

/**
 * `ARG OPENAI_API_KEY` then `ENV OPENAI_API_KEY=$OPENAI_API_KEY` in the image's stage: the key
 * given to `docker build --build-arg` is written into the image's config, where `docker inspect`
 * shows it to anyone who pulls the image (Docker's own build check SecretsUsedInArgOrEnv warns of
 * this). Only the last stage is the image, with what it is built on; an `ENV` of another build
 * stage stays behind. The finding is the ENV's reference, for a provider key by the ENV's or the
 * ARG's name.
 */
function buildArgsInImage(file: string, dockerfile: Dockerfile): Finding[] {
  const image = imageStages(dockerfile);
  // An ARG is seen in its own stage only, as Docker scopes it; the ENV it feeds is inherited.
  const args = new Set<string>();
  const findings: Finding[] = [];
  for (const variable of dockerfile.variables) {
    if (!image.has(variable.stage)) continue;
    if (variable.instruction === "ARG") {
      args.add(`${variable.stage}:${variable.name}`);
      continue;
    }
    for (const reference of variable.value.matchAll(REFERENCE)) {
      const arg = reference[1] ?? reference[2];
      const provider = args.has(`${variable.stage}:${arg}`) ? (providerForEnvName(variable.name) ?? providerForEnvName(arg)) : undefined;
      if (!provider) continue;
      // The value's offsets: quotes and continuations aside, the reference sits where it is written.
      const start = variable.valueRange.start + reference.index;
      findings.push({
        ruleId: NO_DOCKER_KEYS_RULE,
        messageId: "buildArgInImage",
        data: { provider: provider.name, name: variable.name, arg },
        file,
        range: { start, end: start + reference[0].length },
      });
      break;
    }
  }
  return findings;
}

/**
 * The last stage and the stages it is built `FROM`, directly or through others: their `ENV`s are in
 * the image's config (`FROM node:20-alpine AS base` … `FROM base AS deploy`: iam-green/Chungbuk-Manual,
 * batch 137). A stage only copied from (`COPY --from=build`) is not.
 */
function imageStages(dockerfile: Dockerfile): Set<number> {
  const stages = new Set<number>();
  for (let stage = dockerfile.stages - 1; stage >= 0 && !stages.has(stage); stage = dockerfile.builtFrom[stage] ?? -1) stages.add(stage);
  return stages;
}

export function composeKeyFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const findings: Finding[] = [];
  for (const variable of parseComposeFile(absolute, text).variables) {
    // `$NAME` and `${NAME}` are read from the shell or .env: that is the fix, not a finding.
    for (const part of writtenParts(variable.value)) for (const match of scanText(part.text, { context: [variable.name] })) {
      const raw = text.slice(variable.valueRange.start, variable.valueRange.end);
      const at = raw.indexOf(match.value);
      const start = variable.valueRange.start + Math.max(0, at);
      // A default is dropped from its own reference only (`Bearer ${TOKEN:-key}` → `Bearer ${TOKEN}`); a value that is all key becomes `${NAME}`.
      const referenceAt = part.reference ? raw.indexOf(part.reference.text) : -1;
      const edit = part.reference && referenceAt >= 0
        ? { range: { start: variable.valueRange.start + referenceAt, end: variable.valueRange.start + referenceAt + part.reference.text.length }, text: `\${${part.reference.name}}` }
        : { range: variable.valueRange, text: `\${${variable.name}}` };
      findings.push({
        ruleId: NO_DOCKER_KEYS_RULE,
        messageId: "keyInCompose",
        data: { provider: match.provider.name, kind: match.kind.name, key: match.redacted, service: variable.service, name: variable.name },
        file: absolute,
        range: at >= 0 ? { start, end: start + match.value.length } : variable.valueRange,
        fixes: [
          {
            title: `Read ${part.reference?.name ?? variable.name} from the environment`,
            edits: [{ kind: "replace", file: absolute, ...edit }],
            note: "Rotate the key: it is in the repository's history. Put the new one in an ignored .env beside the compose file.",
          },
        ],
      });
    }
  }
  return findings;
}
