import type { NextConfig } from "next";

// The benchmarks' reference page and broadcast route (app/bench/*.bench.ts[x]) exist only in the
// benchmark's own build, in its own folder: the production build never contains them.
const benchBuild = process.env.NOTA_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  distDir: benchBuild ? ".next-bench" : ".next",
  pageExtensions: benchBuild ? ["bench.tsx", "bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // Type-checking is its own step of `npm test` (tsc); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Native/wasm database drivers are loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // An invoice link is a secret: never indexed, never cached, never sent on as a referrer.
        source: "/i/:token*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
      {
        // The marketers' console shows its live block preview in a frame of its own pages
        // (same origin only); a later rule's header replaces the DENY above for these paths. The
        // page's CSP (proxy.ts) says frame-ancestors 'self' for them.
        source: "/marketing/preview/:path*",
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
    ];
  },
};

export default nextConfig;
