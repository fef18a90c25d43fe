import { useQuery } from "@apollo/client/react";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { Money } from "@revita/ui/components/money";
import { StatusBadge } from "@revita/ui/components/status-badge";
import { columnUnitAmount } from "@revita/ui/format/money";
import { type RegionHistoryFragment, RegionsPageDocument, type TreeView } from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { RegionTreeEntry } from "./region-tree-entry.js";

export default function RegionsPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.regions.title} untitled={t.nav.regions}>
      {(region) => <Regions place={place} region={region} year={scope.year} />}
    </RegionPage>
  );
}

type Change = RegionHistoryFragment["history"][number];

/**
 * What a county leader asks of the tree: which towns there are, which were merged or renamed and
 * when, and a year's investment by town either way — as the tree stands today (a merged town's
 * past in its successor) or as it stood then. Its admins change the tree here (region-tree-entry).
 */
function Regions({ place, region, year }: { place: Place; region: ScopedRegion; year: number }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const tree: TreeView = place.params.tree === "THEN" ? "THEN" : "TODAY";
  const variables = { code: region.code, year, tree };
  const { data, loading, error, refetch } = useQuery(RegionsPageDocument, { variables });
  const figures = data?.region?.investmentByChild ?? [];
  const children = data?.region?.children ?? [];
  const colon = locale === "en" ? ": " : "：";
  // One unit for the whole table, the one its smallest amount needs (columnUnitAmount), as in
  // every money column: never 0.00元 above 4,451.22万元, nor two units in one column.
  const unitFor = columnUnitAmount(figures.flatMap((row) => [row.completedInvestment, row.plannedInvestment]));
  const money = (amount: string) => <Money amount={amount} locale={locale} unitFor={unitFor} />;
  const describe = (change: Change, subject: { nameZh: string; nameEn: string }) => {
    const what =
      change.kind === "RENAMED" && change.oldNameZh
        ? t.regions.renamedFrom({ name: change.oldNameZh })
        : change.kind === "MOVED" && change.oldParent && change.newParent
          ? t.regions.movedFrom({ from: name(change.oldParent), to: name(change.newParent) })
          : change.kind === "MERGED" && change.newParent
            ? t.regions.mergedInto({ name: name(subject), into: name(change.newParent) })
            : "";
    const basis = t.regions.basis({ basis: change.basis });
    return `${change.effectiveOn} ${t.regions.kinds[change.kind]}${what ? colon + what : ""}${locale === "en" ? ` (${basis})` : `（${basis}）`}`;
  };

  return (
    <div className="regions">
      <section className="panel">
        <div className="panel__header">
          <h2>{t.regions.byChild({ year })}</h2>
          <label>
            <span>{t.regions.treeView} </span>
            <select
              value={tree}
              onChange={(event) =>
                navigate(withParams(place, { tree: event.target.value === "THEN" ? "THEN" : undefined }), { replace: true })
              }
            >
              <option value="TODAY">{t.regions.asToday}</option>
              <option value="THEN">{t.regions.asThen}</option>
            </select>
          </label>
        </div>
        <p className="muted">{tree === "THEN" ? t.regions.thenHint : t.regions.todayHint}</p>
        <DataTable
          caption={t.regions.byChild({ year })}
          rows={figures}
          rowKey={(row) => row.region?.code ?? "own"}
          loading={loading}
          error={error}
          onRetry={() => void refetch()}
          emptyText={t.regions.noFigures}
          exportName={`regions-${region.code}-${year}-${tree.toLowerCase()}`}
          columns={[
            {
              key: "region",
              header: t.regions.region,
              value: (row) => (row.nameZh ? name({ nameZh: row.nameZh, nameEn: row.nameEn }) : t.regions.own),
              render: (row) => (
                <>
                  {row.nameZh ? name({ nameZh: row.nameZh, nameEn: row.nameEn }) : t.regions.own}
                  {row.ceasedOn && (
                    <>
                      {" "}
                      <StatusBadge tone="info">{t.regions.ceased({ on: row.ceasedOn })}</StatusBadge>
                    </>
                  )}
                </>
              ),
            },
            {
              key: "completed",
              header: t.regions.completed,
              numeric: true,
              value: (row) => row.completedInvestment,
              render: (row) => money(row.completedInvestment),
            },
            {
              key: "planned",
              header: t.regions.planned,
              numeric: true,
              value: (row) => row.plannedInvestment,
              render: (row) => money(row.plannedInvestment),
            },
          ]}
        />
      </section>

      <section className="panel">
        <h2>{t.regions.children}</h2>
        <DataState loading={loading && !data} error={error} empty={false} onRetry={() => void refetch()}>
          <DataTable
            caption={t.regions.children}
            rows={children}
            rowKey={(child) => child.code}
            emptyText={t.regions.noChildren}
            exportName={`regions-${region.code}-history`}
            columns={[
              { key: "name", header: t.regions.name, value: (child) => name(child) },
              { key: "code", header: t.regions.code, value: (child) => child.code },
              {
                key: "history",
                header: t.regions.history,
                value: (child) =>
                  [
                    ...child.history.map((change) => describe(change, child)),
                    ...child.predecessors.flatMap((merged) =>
                      merged.history.filter((change) => change.kind === "MERGED").map((change) => describe(change, merged)),
                    ),
                  ].join("；"),
                render: (child) => {
                  const lines = [
                    ...child.history.map((change) => describe(change, child)),
                    ...child.predecessors.flatMap((merged) =>
                      merged.history.filter((change) => change.kind === "MERGED").map((change) => describe(change, merged)),
                    ),
                  ];
                  return lines.length ? (
                    lines.map((line) => <div key={line}>{line}</div>)
                  ) : (
                    <span className="muted">{t.regions.noChanges}</span>
                  );
                },
              },
            ]}
          />
        </DataState>
      </section>

      {region.access.administer && data?.region && (
        <RegionTreeEntry
          region={region}
          regionsBelow={children}
          siblings={(data.region.parent?.children ?? []).filter((sibling) => sibling.code !== region.code)}
        />
      )}
    </div>
  );
}
