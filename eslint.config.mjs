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
  { files: ["components/**/*.{ts,tsx}"], ignores: ["**/*.test.ts"], rules: { "no-restricted-imports": ["error", componentImports] } },
]);
