// The eslint.config.js files people have, written as each project's docs or template writes
// them. Each entry turns the installed packages (`load(name)` imports from the install folder)
// into the user's config array; the driver puts KeyFence first, last, or nowhere.

/** ESLint 9 and 10. */
export const common = {
  async "typescript-eslint recommended"({ load }) {
    const js = (await load("@eslint/js")).default;
    const tseslint = (await load("typescript-eslint")).default;
    return [js.configs.recommended, ...tseslint.configs.recommended];
  },

  // typescript-eslint's "Linting with Type Information" page: type-checked rules and
  // projectService in objects without `files`.
  async "typescript-eslint strictTypeChecked + projectService"({ load, dir }) {
    const js = (await load("@eslint/js")).default;
    const tseslint = (await load("typescript-eslint")).default;
    return [
      js.configs.recommended,
      ...tseslint.configs.strictTypeChecked,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } },
    ];
  },

  // create-vite's react-ts template (eslint.config.js), without defineConfig's `extends`
  // (ESLint 9.22+) so that it reads the same on both majors.
  async "Vite React template"({ load }) {
    const js = (await load("@eslint/js")).default;
    const globals = (await load("globals")).default;
    const reactHooks = (await load("eslint-plugin-react-hooks")).default;
    const reactRefresh = (await load("eslint-plugin-react-refresh")).default;
    const tseslint = (await load("typescript-eslint")).default;
    const scoped = (config) => ({ ...config, files: ["**/*.{ts,tsx}"] });
    return [
      { ignores: ["dist"] },
      scoped(js.configs.recommended),
      ...tseslint.configs.recommended.map(scoped),
      scoped(reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs.flat.recommended),
      scoped(reactRefresh.configs.vite),
      { files: ["**/*.{ts,tsx}"], languageOptions: { ecmaVersion: 2020, globals: globals.browser } },
    ];
  },

  async "react + react-hooks + prettier"({ load }) {
    const react = (await load("eslint-plugin-react")).default;
    const reactHooks = (await load("eslint-plugin-react-hooks")).default;
    const prettier = (await load("eslint-config-prettier")).default;
    return [
      react.configs.flat.recommended,
      react.configs.flat["jsx-runtime"],
      reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs.flat.recommended,
      { settings: { react: { version: "19.0" } } },
      prettier,
    ];
  },
};

/** ESLint 9 and 10, continued. */
export const allInOne = {
  // An all-in-one config: neostandard with TypeScript (stylistic rules on every file). It
  // declares ESLint 9 only; installed beside ESLint 10 with --legacy-peer-deps, as users do.
  async neostandard({ load }) {
    const neostandard = (await load("neostandard")).default;
    return neostandard({ ts: true });
  },
};

/** ESLint 10 only. */
export const eslint10 = {
  // create-next-app 16's eslint.config.mjs.
  async "eslint-config-next 16"({ load }) {
    const nextVitals = (await load("eslint-config-next/core-web-vitals")).default;
    const nextTs = (await load("eslint-config-next/typescript")).default;
    return [...nextVitals, ...nextTs, { ignores: [".next/**", "out/**", "build/**", "next-env.d.ts"] }];
  },

  // An all-in-one config (standard + TypeScript, type-checked, projectService), as its README
  // writes it.
  async "eslint-config-love"({ load }) {
    const love = (await load("eslint-config-love")).default;
    return [{ ...love, files: ["**/*.js", "**/*.ts", "**/*.tsx"] }];
  },
};

/** ESLint 9 only. */
export const eslint9 = {
  // create-next-app 15's eslint.config.mjs (eslint-config-next 15 is an eslintrc config).
  async "eslint-config-next 15 (FlatCompat)"({ load, dir }) {
    const { FlatCompat } = await load("@eslint/eslintrc");
    const compat = new FlatCompat({ baseDirectory: dir });
    return [...compat.extends("next/core-web-vitals", "next/typescript"), { ignores: [".next/**", "next-env.d.ts"] }];
  },

  async "eslint-config-next 16"({ load }) {
    const nextVitals = (await load("eslint-config-next-16/core-web-vitals")).default;
    const nextTs = (await load("eslint-config-next-16/typescript")).default;
    return [...nextVitals, ...nextTs];
  },

};
