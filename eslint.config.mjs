import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Pure code: no database, no sockets, no UI framework. */
const pureCode = {
  patterns: [
    {
      group: [
        "@prisma/*",
        "pg",
        "socket.io",
        "socket.io-*",
        "ioredis",
        "react",
        "react-dom",
        "next",
        "next/*",
        "next-auth",
        "next-auth/*",
        "@/server/platform/db/*",
        "@/server/services/*",
        "@/server/api/*",
        "@/server/realtime/server",
        "@/server/realtime/room-handlers",
      ],
      message: "server/domain and server/bank are pure: no Prisma, pg, Socket.IO, React or Next.js (DESIGN.md).",
    },
  ],
};

/**
 * What the browser's components may import from server/: the domain, the pure bank schemas, the realtime
 * protocol and the procedures' schema files (`server/api/routers/<ns>/<verb>.schema.ts`), and the tRPC
 * router's type, which the client needs.
 */
const componentImports = {
  patterns: [
    {
      regex: "^@/server/(?!domain(/|$)|realtime/protocol$|bank/bank-format$|bank/bank-parse-error$|api/routers/.+\\.schema$|api/root$)",
      message: "Components import from server/ only server/domain, the bank's pure schemas, the realtime protocol and the procedures' *.schema.ts files.",
    },
    {
      regex: "^@/server/api/root$",
      allowTypeImports: true,
      message: "Components import only the AppRouter type from server/api/root.",
    },
  ],
};

/** A procedure's schema file is pure too, so that components may import it: zod, the domain, the bank's pure modules and other schema files. */
const schemaFileImports = {
  patterns: [
    {
      group: pureCode.patterns[0].group.filter((module) => !module.startsWith("@/")),
      message: "A *.schema.ts file is pure: no Prisma, pg, Socket.IO, React or Next.js.",
    },
    {
      regex: "^@/server/(?!domain(/|$)|bank/(?!cli$)|api/routers/.+\\.schema$)",
      message: "A *.schema.ts file imports only zod, server/domain, server/bank and other *.schema.ts files: never services, the database or auth.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".data/**",
    ".ci/node/**",
    ".stryker-tmp/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "server/platform/db/generated/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["server/domain/**/*.ts", "server/bank/**/*.ts"],
    ignores: ["server/bank/cli.ts", "**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", pureCode] },
  },
  { files: ["server/api/routers/**/*.schema.ts"], rules: { "no-restricted-imports": ["error", schemaFileImports] } },
  { files: ["components/**/*.{ts,tsx}"], ignores: ["**/*.test.ts"], rules: { "no-restricted-imports": ["error", componentImports] } },
]);
