import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers of lib/, checked on the imports themselves. Foundation modules (errors, db, env,
 * log, validation, money, dates, references, http, rate-limit, charts, memory) never import a domain module; the
 * domain modules form no cycle among themselves; orchestration (agent changes, job handlers)
 * sits above the modules it calls; and no file is part of an import cycle.
 */
const FOUNDATION = new Set([
  "errors",
  "db",
  "env",
  "log",
  "validation",
  "money",
  "dates",
  "references",
  "http",
  "rate-limit",
  "charts",
  "memory",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === "generated") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const files = sourceFiles("lib");
const moduleOf = (file: string) => {
  const [, first] = file.split(path.sep);
  return first!.replace(/\.tsx?$/, "");
};

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  // Type-only imports are erased: they cannot form a cycle at run time.
  const pattern = /^import (?!type )[^;]*?from "(@\/lib\/[^"]+|\.{1,2}\/[^"]+)";/gms;
  return [...source.matchAll(pattern)].map((match) => {
    const target = match[1]!;
    const resolved = target.startsWith("@/")
      ? target.slice(2)
      : path.join(path.dirname(file), target);
    return resolved;
  });
}

function resolveFile(target: string): string | undefined {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")]) {
    if (files.includes(path.normalize(candidate))) return path.normalize(candidate);
  }
  return undefined;
}

const graph = new Map(
  files.map((file) => [
    file,
    importsOf(file)
      .map(resolveFile)
      .filter((f): f is string => Boolean(f)),
  ]),
);

function findCycle(nodes: string[], edges: (node: string) => string[]): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges(node)) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of nodes) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe("the layers of lib/", () => {
  it("has no import cycle between files", () => {
    expect(findCycle(files, (file) => graph.get(file) ?? [])).toBeNull();
  });

  it("keeps the foundation free of domain modules", () => {
    const offending = files.flatMap((file) =>
      FOUNDATION.has(moduleOf(file))
        ? (graph.get(file) ?? [])
            .filter((target) => !FOUNDATION.has(moduleOf(target)))
            .map((target) => `${file} → ${target}`)
        : [],
    );
    expect(offending).toEqual([]);
  });

  it("has no cycle between domain modules", () => {
    const modules = [...new Set(files.map(moduleOf))].filter((name) => !FOUNDATION.has(name));
    const edges = (module: string) => [
      ...new Set(
        files
          .filter((file) => moduleOf(file) === module)
          .flatMap((file) => graph.get(file) ?? [])
          .map(moduleOf)
          .filter((target) => target !== module && !FOUNDATION.has(target)),
      ),
    ];
    expect(findCycle(modules, edges)).toBeNull();
  });
});
