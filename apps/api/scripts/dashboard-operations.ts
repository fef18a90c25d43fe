import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type DocumentNode, Kind, parse, print, visit } from "graphql";

const ADMIN = resolve(import.meta.dirname, "../../admin/src");
const FILES = [
  "session/session.graphql",
  "shell/region-scope.graphql",
  "routes/overview/overview.graphql",
  "routes/overview/attention.graphql",
  "features/projects/project-row.graphql",
];
const definitions = FILES.flatMap((file) => parse(readFileSync(join(ADMIN, file), "utf8")).definitions);
const fragments = new Map(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));

/**
 * One operation of the dashboard's overview page, as the dashboard sends it, with exactly the
 * fragments it spreads: what the benchmarks ask, so they measure the page and not a lookalike.
 */
export function dashboardOperation(name: string): string {
  const op = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!op) throw new Error(`no operation ${name} in ${FILES.join(", ")}`);
  const needed = new Set<string>();
  const collect = (node: DocumentNode["definitions"][number]) =>
    visit(node, {
      FragmentSpread(spread) {
        if (needed.has(spread.name.value)) return;
        needed.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(op);
  return [op, ...[...needed].map((n) => fragments.get(n)!)].map((d) => print(d)).join("\n");
}
