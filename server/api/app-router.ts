// The router's type alone, for the browser's tRPC client: a file of types, so importing it brings no
// server code into the bundle, and the layer boundary can let components reach it and nothing else here.
export type { AppRouter } from "@/server/api/root";
