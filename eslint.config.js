// Lint: recommended rules, plus the import direction of ARCHITECTURE.md:
// shared <- analytics <- server <- cli; web imports shared only; pure code does no I/O.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const io = [
  "node:fs",
  "node:fs/promises",
  "node:net",
  "node:http",
  "node:child_process",
  "node:worker_threads",
  "fs",
  "pg",
  "@electric-sql/*",
  "drizzle-orm",
  "drizzle-orm/*",
];
const forbid = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "data/**",
      "node_modules/**",
      ".tmp/**",
      "src/server/db/migrations/**",
      "bench/.out/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/shared/**"],
    rules: forbid(
      ["**/server/**", "**/analytics/**", "**/cli/**", "**/web/**", "**/demo/**", ...io],
      "shared/ is pure: types, enums, schemas and rules only",
    ),
  },
  {
    files: ["src/analytics/**"],
    rules: forbid(
      ["**/server/**", "**/cli/**", "**/web/**", "**/demo/**", ...io],
      "analytics/ is pure: plain arrays in, numbers out",
    ),
  },
  {
    // Reference values in the numeric code and its tests are written to more digits than a
    // double holds, on purpose; tests of pure code may read their data files.
    files: ["src/analytics/**"],
    rules: { "no-loss-of-precision": "off" },
  },
  {
    files: ["src/**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["src/server/**"],
    rules: forbid(["**/cli/**", "**/web/**"], "the server never depends on the CLI or the web app"),
  },
  {
    files: ["web/**"],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      ["**/src/server/**", "**/src/analytics/**", "**/src/cli/**", "**/src/demo/**", ...io],
      "the web app talks to the server through the API only",
    ),
  },
);
