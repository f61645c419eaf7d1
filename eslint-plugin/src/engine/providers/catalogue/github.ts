import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** GitHub Models is called with a GitHub token; every token kind has its own prefix. */
const classic = (prefix: string) => format(lit(prefix), run("alnum", 36));

export const github: Provider = {
  id: "github",
  name: "GitHub (GitHub Models)",
  envVar: "GITHUB_TOKEN",
  envVarAliases: ["GH_TOKEN", "GITHUB_PAT", "GITHUB_MODELS_TOKEN"],
  contextWords: ["github", "ghmodels"],
  sdkConstructors: ["Octokit"],
  sdkPackages: ["@octokit/rest", "octokit", "@octokit/core"],
  endpoints: ["models.github.ai", "models.inference.ai.azure.com", "api.github.com"],
  revokeUrl: "https://github.com/settings/tokens",
  // A route reading a repository's star count (documenso's) spends no model quota.
  nonModelApis: { packages: ["@octokit/rest", "octokit", "@octokit/core"], constructors: ["Octokit"], hosts: ["api.github.com"] },
  kinds: [
    { id: "personal-access-token", name: "personal access token (classic)", selfIdentifying: true, formats: [classic("ghp_")] },
    {
      id: "fine-grained-token",
      name: "fine-grained personal access token",
      selfIdentifying: true,
      formats: [format(lit("github_pat_"), run("alnum", 22), lit("_"), run("alnum", 59))],
    },
    { id: "oauth-token", name: "OAuth access token", selfIdentifying: true, formats: [classic("gho_")] },
    { id: "user-to-server-token", name: "GitHub App user token", selfIdentifying: true, formats: [classic("ghu_")] },
    { id: "server-to-server-token", name: "GitHub App installation token", selfIdentifying: true, formats: [classic("ghs_")] },
    { id: "refresh-token", name: "refresh token", selfIdentifying: true, formats: [classic("ghr_")] },
  ],
};
