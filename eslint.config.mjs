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

/** What the browser's components may import from server/ as values: pure policies and schemas. */
const componentImports = {
  patterns: [
    {
      regex: "^@/server/(?!domain(/|$)|realtime/protocol$|auth/credentials$|bank/bank-format$|bank/bank-parse-error$)",
      allowTypeImports: true,
      message: "Components import from server/ only types, pure policies and schemas (server/domain, the realtime protocol, the credential and bank schemas).",
    },
  ],
};

/**
 * The room's switches over events, commands and roles name every case and end in `unreachable(...)`
 * (server/domain/room/unreachable.ts), so the compiler points at each place a new event or command must be
 * handled. A `default:` arm would send a new private event to everyone by omission.
 */
const noDefaultArm = {
  selector: "SwitchCase[test=null]",
  message: "No `default:` here: list every case and end the switch with `return unreachable(value)` (server/domain/room/README.md).",
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
  {
    files: ["server/domain/room/**/*.ts", "server/domain/review/timeline.ts", "server/services/room/engine.ts", "components/realtime/room-replica.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", noDefaultArm] },
  },
]);
