import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Packages pure code never imports: no database, no sockets, no UI framework. */
const impurePackages = {
  patterns: [
    {
      group: ["@prisma/*", "pg", "socket.io", "socket.io-*", "ioredis", "react", "react-dom", "next", "next/*", "next-auth", "next-auth/*"],
      message: "server/domain, server/bank and the procedures' *.schema.ts files are pure: no Prisma, pg, Socket.IO, React or Next.js (DESIGN.md).",
    },
  ],
};

/**
 * What each layer may reach, checked on the resolved path of every import (relative, aliased and dynamic
 * alike), so that no spelling gets past it. HOUSE.md ("Rules that keep it that way") gives the reasons.
 */
const LAYERS = [
  "server/domain",
  "server/bank",
  "server/services",
  "server/api",
  "server/realtime",
  "server/platform",
  "server/auth",
  "server/cli",
  "server/index.ts",
  "app",
  "components",
];
const everythingBut = (...kept) => LAYERS.filter((layer) => !kept.includes(layer));
/** The realtime server's side: the gateway, the publisher, the Socket.IO binding and where they are put together. */
const SOCKET_SERVER = ["server/realtime/server.ts", "server/realtime/socket-io.ts", "server/realtime/gateway.ts", "server/realtime/publisher.ts"];
const layerBoundaries = [
  { target: "server/domain", from: everythingBut("server/domain"), message: "server/domain is pure: it reaches nothing but itself." },
  {
    target: "server/bank",
    from: everythingBut("server/bank", "server/domain"),
    message: "server/bank is the pure importer: it reaches only itself and server/domain.",
  },
  {
    target: "server/api/routers/**/*.schema.ts",
    from: ["server/**", "app/**", "components/**"],
    except: ["**/server/domain/**", "**/server/bank/**", "**/server/api/routers/**/*.schema.ts"],
    message: "A procedure's *.schema.ts file is pure, so that components may import it: zod, server/domain, server/bank and other schema files.",
  },
  {
    target: "components",
    from: ["server/**", "app/**"],
    except: [
      "**/server/domain/**",
      "**/server/realtime/protocol.ts",
      "**/server/api/routers/**/*.schema.ts",
      "**/server/api/app-router.ts",
      "**/server/bank/bank-format.ts",
      "**/server/bank/bank-parse-error.ts",
    ],
    message:
      "Components reach server/ only through server/domain, the realtime protocol, the bank's pure schemas, the procedures' *.schema.ts files and the AppRouter type.",
  },
  {
    target: "app",
    from: ["server/services", "server/platform/db", "server/bank", ...SOCKET_SERVER],
    message: "Pages reach the server through its procedures (server/api/server-caller.ts), the session and the runtime, never a service or the database.",
  },
  {
    target: "server/services",
    from: ["server/api/**"],
    except: ["**/server/api/routers/**/*.schema.ts"],
    message: "Services reach no procedure; they may use a procedure's schemas.",
  },
  {
    target: "server/services",
    from: [...SOCKET_SERVER, "server/platform/process-runtime.ts", "server/platform/env.ts", "server/cli", "server/index.ts", "app", "components"],
    message: "Services take what they need as arguments: they reach no socket, not the process's runtime and not the environment.",
  },
  {
    target: "server/api/routers",
    from: ["server/platform/db/client.ts", "server/platform/process-runtime.ts", ...SOCKET_SERVER, "app", "components"],
    message: "A procedure gets the database and the engine from its context (ctx.db, ctx.pool, ctx.engine).",
  },
  {
    target: "server/realtime",
    from: ["server/api", "server/platform/process-runtime.ts", "server/cli", "app", "components"],
    message: "The socket gateway gets the runtime from the server that starts it.",
  },
  {
    target: "server/platform",
    from: ["server/api", ...SOCKET_SERVER, "server/cli", "app", "components"],
    message: "server/platform is infrastructure: it reaches no procedure and no socket.",
  },
];

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
    "public/runtimes/**",
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
    files: ["server/domain/**/*.ts", "server/bank/**/*.ts", "server/api/routers/**/*.schema.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", impurePackages] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerBoundaries }] },
  },
  {
    files: ["server/domain/room/**/*.ts", "server/domain/review/timeline.ts", "server/services/room/engine.ts", "components/realtime/room-replica.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", noDefaultArm] },
  },
  {
    // A function that grows past this becomes named parts (a component, a hook, a helper). Tests are exempt:
    // a describe block is a list, not a function to read.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "server/**/*.ts", "scripts/**/*.{ts,mjs}", "bench/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
]);
