/**
 * The .gitignore each framework's project generator writes (the lines that matter here, in
 * their order), as of the versions current when this was written.
 */
export const TEMPLATES = {
  /** create-next-app (app router templates). */
  next: "# dependencies\n/node_modules\n/.pnp\n.pnp.*\n\n# next.js\n/.next/\n/out/\n\n# env files (can opt-in for committing if needed)\n.env*\n\n# vercel\n.vercel\n",
  /** create-next-app before 15: local files only. */
  nextOld: "/node_modules\n/.next/\n\n# local env files\n.env*.local\n",
  /** create-vite: `*.local` covers the local files, `.env` is not ignored. */
  vite: "# Logs\nlogs\n*.log\nnode_modules\ndist\ndist-ssr\n*.local\n\n# Editor directories and files\n.vscode/*\n!.vscode/extensions.json\n.idea\n.DS_Store\n",
  /** create-react-app: the local files one by one, `.env` is not ignored. */
  cra: "# dependencies\n/node_modules\n/.pnp\n.pnp.js\n\n# testing\n/coverage\n\n# production\n/build\n\n# misc\n.DS_Store\n.env.local\n.env.development.local\n.env.test.local\n.env.production.local\n\nnpm-debug.log*\n",
  /** create-svelte / SvelteKit: everything but the example and test files. */
  sveltekit: "node_modules\n\n# Output\n.output\n.vercel\n/.svelte-kit\n/build\n\n# Env\n.env\n.env.*\n!.env.example\n!.env.test\n",
  /** create-astro: `.env` and `.env.production`, but not `.env.local`. */
  astro: "# build output\ndist/\n.astro/\nnode_modules/\n\n# environment variables\n.env\n.env.production\n\n.DS_Store\n",
  /** GitHub's Node.gitignore. */
  node: "node_modules/\n\n# dotenv environment variable files\n.env\n.env.*\n!.env.example\n",
} as const;

/** Entries KeyFence must add to each template (in the order it appends them). */
export const EXPECTED_MISSING: Record<keyof typeof TEMPLATES, string[]> = {
  next: [],
  nextOld: [".env"],
  vite: [".env"],
  cra: [".env"],
  sveltekit: [],
  astro: [".env.local", ".env.*.local"],
  node: [],
};
