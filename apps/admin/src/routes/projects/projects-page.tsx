import { useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { FilterBar, type FilterValues } from "@revita/ui/components/filter-bar";
import { useKitMessages } from "@revita/ui/i18n";
import { projectColumns } from "../../features/projects/project-columns.js";
import { ProjectCategoriesDocument, ProjectListDocument } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { useSettled } from "../../navigation/use-settled.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { CreateProjectForm } from "./create-project-form.js";
import { filtersFromParams, ORDERS, STATUSES } from "./project-filters.js";

export default function ProjectsPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.projects.title} untitled={t.nav.projects}>
      {(region) => <ProjectList place={place} region={region} />}
    </RegionPage>
  );
}

function ProjectList({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t, locale } = useAppLocale();
  const kit = useKitMessages();
  // Typing updates the URL at once; the query follows a quarter second after the last key.
  const params = useSettled(place.params, 250, sameParams);
  const { filters, problems } = filtersFromParams(params);
  const categories = useQuery(ProjectCategoriesDocument, { variables: { code: region.code } });
  const { data, loading, error, refetch, fetchMore } = useQuery(ProjectListDocument, {
    variables: { code: region.code, ...filters },
    notifyOnNetworkStatusChange: true,
  });
  const rows = data?.projects.edges.map((edge) => edge.node) ?? [];
  const values: FilterValues = {
    q: place.params.q,
    status: place.params.status,
    category: place.params.category,
    investment: place.params.min || place.params.max ? [place.params.min ?? "", place.params.max ?? ""] : undefined,
  };
  const change = (next: FilterValues) => {
    const [min, max] = Array.isArray(next.investment) ? next.investment : [];
    navigate(
      withParams(place, {
        q: typeof next.q === "string" ? next.q : undefined,
        status: typeof next.status === "string" ? next.status : undefined,
        category: typeof next.category === "string" ? next.category : undefined,
        min: min || undefined,
        max: max || undefined,
      }),
      { replace: true },
    );
  };
  const loadMore = () =>
    void fetchMore({
      variables: { after: data?.projects.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        projects: {
          ...fetchMoreResult.projects,
          edges: [...(previous.projects?.edges ?? []), ...fetchMoreResult.projects.edges],
        },
      }),
    });

  return (
    <div className="projects">
      <div className="filters">
        <FilterBar
          values={values}
          onChange={change}
          filters={[
            { kind: "search", key: "q", label: t.projects.search, placeholder: t.projects.searchPlaceholder },
            {
              kind: "select",
              key: "status",
              label: t.projects.statusFilter,
              options: STATUSES.map((status) => ({ value: status, label: kit.projectStatus[status] })),
            },
            {
              kind: "select",
              key: "category",
              label: t.projects.categoryFilter,
              options: (categories.data?.region?.categories ?? []).flatMap((c) =>
                c.key ? [{ value: c.key, label: (locale === "en" ? c.labelEn : c.label) ?? c.key }] : [],
              ),
            },
            { kind: "range", key: "investment", label: t.projects.investmentFilter, unit: locale === "en" ? "yuan" : "元" },
          ]}
        />
        <label className="order-picker">
          <span>{t.projects.order}</span>
          <select
            value={filters.orderBy}
            onChange={(event) =>
              navigate(withParams(place, { order: event.target.value === "CODE" ? undefined : event.target.value }), {
                replace: true,
              })
            }
          >
            {ORDERS.map((order) => (
              <option key={order} value={order}>
                {t.projects.orders[order]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problems.length > 0 && (
        <ul role="alert" className="field-problems">
          {problems.map((problem) => (
            <li key={problem.param}>
              {t.projects.investmentFilter} ({problem.param === "min" ? kit.min : kit.max}):{" "}
              {t.projects.badAmount({ value: problem.value })}
            </li>
          ))}
        </ul>
      )}
      <p className="list-count" aria-live="polite">
        {data && t.projects.count({ shown: rows.length, total: data.projects.totalCount })}
      </p>
      <DataTable
        caption={t.nav.projects}
        columns={projectColumns(t, locale, place)}
        rows={rows}
        rowKey={(p) => p.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        emptyText={t.projects.empty}
        pageSize={25}
        exportName={`projects-${region.code}`}
      />
      {data?.projects.pageInfo.hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loading}>
          {t.projects.loadMore}
        </button>
      )}
      {region.access.edit && <CreateProjectForm region={region} list={{ code: region.code, ...filters }} />}
    </div>
  );
}

function sameParams(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
