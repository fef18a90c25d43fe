import { useQuery } from "@apollo/client/react";
import { RankingChart } from "@revita/ui/charts/ranking-chart";
import { DataState, Skeleton } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { formatCount, formatPercent, formatQuantity } from "@revita/ui/format/numbers";
import { formatPeriod } from "@revita/ui/format/period";
import { useEffect } from "react";
import { refetchQuietly } from "../../features/refetch.js";
import {
  CommunityPageDocument,
  CommunityServiceCountyDocument,
  CommunityYearsDocument,
  type NeedStatus,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import {
  feedbackQuarter,
  filterNeeds,
  isMonthKey,
  isQuarterKey,
  NEED_FILTERS,
  needCounts,
  needFilterOf,
  previousMonth,
  recentMonths,
} from "./community-lists.js";
import { NeedActions } from "./need-actions.js";
import "./community-page.css";

/** Villages, communities and what lies below them have lists of their own; above, the ranking. */
const COMMUNITY_LEVELS = new Set(["VILLAGE", "GRID", "BUILDING"]);

export const STATUS_TONE: Record<NeedStatus, BadgeTone> = {
  OPEN: "warning",
  CLAIMED: "info",
  IN_PROGRESS: "info",
  DONE: "good",
  CONFIRMED: "good",
  WITHDRAWN: "neutral",
};

export default function CommunityPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.community.title} untitled={t.nav.community}>
      {(region) => <CommunityYear place={place} region={region} scope={scope} />}
    </RegionPage>
  );
}

/**
 * Opened without a year, the page shows the latest year with community-service records (the
 * other pages' default is the scorecard's latest year, which may be years earlier).
 */
function CommunityYear({ place, region, scope }: { place: Place; region: ScopedRegion; scope: RegionScope }) {
  const { data, loading } = useQuery(CommunityYearsDocument, { variables: { code: region.code }, skip: !scope.latestYear });
  const latest = data?.region?.communityYears.at(-1);
  // Written into the URL, so that the year picker says the year the page shows.
  useEffect(() => {
    if (scope.latestYear && latest !== undefined && latest !== scope.year) {
      navigate(withParams(place, { year: String(latest) }), { replace: true });
    }
  }, [scope.latestYear, scope.year, latest, place]);
  if (scope.latestYear && loading && !data) return <Skeleton lines={6} />;
  const year = scope.latestYear ? (latest ?? scope.year) : scope.year;
  return COMMUNITY_LEVELS.has(region.level) ? (
    <Community place={place} region={region} year={year} />
  ) : (
    <CountyView place={place} region={region} year={year} />
  );
}

function Community({ place, region, year }: { place: Place; region: ScopedRegion; year: number }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const month = isMonthKey(place.params.month) ? place.params.month : previousMonth(new Date());
  const filter = needFilterOf(place.params.needs);
  const { data, loading, error, refetch } = useQuery(CommunityPageDocument, { variables: { code: region.code, month, year } });
  const here = data?.region;
  const needs = here?.communityNeeds.edges.map((edge) => edge.node) ?? [];
  const counts = needCounts(needs);
  const standing = here?.standing.find((row) => row.regionCode === region.code) ?? here?.standing[0];
  const selected = needs.find((need) => String(need.number) === place.params.need);
  const members = here?.partyMembers.edges.map((edge) => edge.node) ?? [];
  const hours = here?.standing.reduce((sum, row) => sum + Number(row.hours), 0) ?? 0;
  const kpiLoading = loading && !data;

  return (
    <div className="community">
      <section className="kpi-grid" aria-label={t.community.title({ region: name(region) })}>
        <KpiCard
          label={t.community.membersReported}
          loading={kpiLoading}
          value={t.community.people({ count: here?.partyMembers.totalCount ?? 0 })}
          detail={
            here?.gridArea
              ? t.community.area({
                  households: here.gridArea.households ?? 0,
                  entrances: here.gridArea.entrances ?? 0,
                  leader: here.gridArea.leader?.name ?? "—",
                })
              : `${t.community.teams} ${formatCount(here?.volunteerTeams.length ?? 0, { locale })}`
          }
        />
        <KpiCard label={t.community.openNeeds} loading={kpiLoading} value={t.community.items({ count: counts.open })} />
        <KpiCard
          label={t.community.openClaims}
          loading={kpiLoading}
          value={t.community.items({ count: counts.inHand })}
          detail={counts.overdue ? `${t.community.overdue} ${t.community.items({ count: counts.overdue })}` : undefined}
        />
        <KpiCard
          label={t.community.hoursThisYear({ year })}
          loading={kpiLoading}
          value={t.community.hoursUnit({ hours: formatQuantity(hours, { locale, digits: 1 }) })}
          detail={
            standing?.onTimeRate != null
              ? `${t.community.onTimeRate} ${formatPercent(standing.onTimeRate, { locale })}`
              : undefined
          }
        />
      </section>

      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["CLAIM_OVERDUE"]}
        title={t.community.attention}
        quietWhenNone
      />

      <section className="panel community__needs">
        <div className="panel__header">
          <h2>{t.community.needsList}</h2>
          <label>
            <span>{t.community.needsFilter} </span>
            <select
              value={filter}
              onChange={(event) =>
                navigate(withParams(place, { needs: event.target.value === "ALL" ? undefined : event.target.value }), {
                  replace: true,
                })
              }
            >
              {NEED_FILTERS.map((each) => (
                <option key={each} value={each}>
                  {t.community.filters[each]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DataTable
          caption={t.community.needsList}
          rows={filterNeeds(needs, filter)}
          rowKey={(need) => need.id}
          loading={loading}
          error={error}
          onRetry={() => refetchQuietly(refetch)}
          emptyText={t.community.needsEmpty}
          exportName={`needs-${region.code}`}
          onRowClick={(need) => navigate(withParams(place, { need: String(need.number) }), { replace: true })}
          columns={[
            { key: "number", header: t.community.number, value: (n) => n.number, numeric: true },
            {
              key: "title",
              header: t.community.need,
              value: (n) => n.title,
              render: (n) => (
                <span className={selected?.number === n.number ? "community__chosen" : undefined}>
                  {n.kind === "WISH" && <StatusBadge tone="info">{t.needKinds.WISH}</StatusBadge>} {n.title}
                </span>
              ),
            },
            { key: "category", header: t.community.category, value: (n) => t.needCategories[n.category] },
            {
              key: "status",
              header: t.community.status,
              value: (n) => t.needStatuses[n.status],
              render: (n) => <StatusBadge tone={STATUS_TONE[n.status]}>{t.needStatuses[n.status]}</StatusBadge>,
            },
            {
              key: "claimant",
              header: t.community.claimant,
              value: (n) => (n.claimant ? claimantText(n.claimant, locale) : null),
            },
            {
              key: "dueOn",
              header: t.community.dueOn,
              value: (n) => n.dueOn ?? null,
              render: (n) =>
                n.overdueDays ? (
                  <span className="community__overdue">
                    {n.dueOn} · {t.community.overdueDays({ days: n.overdueDays })}
                  </span>
                ) : (
                  (n.dueOn ?? "")
                ),
            },
            { key: "project", header: t.community.projectName, value: (n) => n.projectName ?? null },
            { key: "resident", header: t.community.resident, value: (n) => n.residentName ?? null, hiddenByDefault: true },
            { key: "phone", header: t.community.phone, value: (n) => n.residentPhone ?? null, hiddenByDefault: true },
            { key: "raisedOn", header: t.community.raisedOn, value: (n) => n.raisedOn, hiddenByDefault: true },
            { key: "where", header: t.community.community, value: (n) => name(n.region), hiddenByDefault: true },
          ]}
        />
        {here && here.communityNeeds.totalCount > needs.length && (
          <p className="muted">{t.community.truncated({ shown: needs.length, total: here.communityNeeds.totalCount })}</p>
        )}
        {selected ? (
          <NeedActions
            need={selected}
            canEdit={region.access.edit}
            members={members.map((member) => ({ number: member.number, name: member.name }))}
            teams={here?.volunteerTeams.map((team) => ({ number: team.number, name: team.name })) ?? []}
            refetch={() => refetchQuietly(refetch)}
          />
        ) : (
          needs.length > 0 && <p className="muted">{t.community.chooseNeed}</p>
        )}
      </section>

      <section className="panel">
        <h2>{t.community.resources}</h2>
        <DataTable
          caption={t.community.resources}
          rows={members}
          rowKey={(member) => member.id}
          loading={loading}
          error={error}
          emptyText={t.community.resourcesEmpty}
          exportName={`members-${region.code}`}
          columns={[
            { key: "name", header: t.community.name, value: (m) => m.name },
            { key: "unit", header: t.community.unit, value: (m) => m.unit.name },
            {
              key: "roles",
              header: t.community.roles,
              value: (m) =>
                m.roles.map((role) => t.serviceRoles[role as keyof typeof t.serviceRoles] ?? role).join(listSeparator(locale)),
            },
            { key: "skills", header: t.community.skills, value: (m) => m.skills ?? null },
            { key: "offer", header: t.community.offer, value: (m) => m.offer ?? null },
            { key: "trade", header: t.community.trade, value: (m) => m.trade ?? null, hiddenByDefault: true },
            {
              key: "commitment",
              header: t.community.commitment,
              value: (m) => [m.commitment.goal, m.commitment.time, m.commitment.quality].filter(Boolean).join("；") || null,
              hiddenByDefault: true,
            },
            { key: "reportedOn", header: t.community.reportedOn, value: (m) => m.reportedOn, hiddenByDefault: true },
            { key: "where", header: t.community.community, value: (m) => name(m.region), hiddenByDefault: true },
          ]}
        />
        {here && here.partyMembers.totalCount > members.length && (
          <p className="muted">{t.community.truncated({ shown: members.length, total: here.partyMembers.totalCount })}</p>
        )}
        {(here?.volunteerTeams.length ?? 0) > 0 && (
          <>
            <h3>{t.community.teamsList}</h3>
            <ul className="community__teams">
              {here?.volunteerTeams.map((team) => (
                <li key={team.id}>
                  <strong>{team.name}</strong>
                  {team.focus && <span className="muted">{bracketed(team.focus, locale)}</span>}
                  <br />
                  <span className="muted">
                    {t.community.teamMembers({ names: team.members.map((m) => m.name).join(listSeparator(locale)) })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel">
        <div className="panel__header">
          <h2>{t.community.cards({ month: formatPeriod(month, { locale }) })}</h2>
          <label>
            <span>{t.community.month} </span>
            <select
              value={month}
              onChange={(event) => navigate(withParams(place, { month: event.target.value }), { replace: true })}
            >
              {recentMonths(new Date(), month).map((each) => (
                <option key={each} value={each}>
                  {formatPeriod(each, { locale })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DataTable
          caption={t.community.cards({ month: formatPeriod(month, { locale }) })}
          rows={here?.serviceCards.edges.map((edge) => edge.node) ?? []}
          rowKey={(card) => card.id}
          loading={loading}
          error={error}
          emptyText={t.community.cardsEmpty}
          exportName={`cards-${region.code}-${month}`}
          columns={[
            { key: "name", header: t.community.name, value: (c) => c.member.name },
            { key: "unit", header: t.community.unit, value: (c) => c.member.unit.name },
            { key: "hours", header: t.community.hours, value: (c) => c.hours, numeric: true },
            { key: "score", header: t.community.score, value: (c) => c.score ?? null, numeric: true },
            {
              key: "grade",
              header: t.community.grade,
              value: (c) => (c.grade ? t.scoreGrades[c.grade] : t.community.notScored),
            },
            { key: "comment", header: t.community.comment, value: (c) => c.comment ?? null },
          ]}
        />
      </section>
    </div>
  );
}

function CountyView({ place, region, year }: { place: Place; region: ScopedRegion; year: number }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const quarter = isQuarterKey(place.params.quarter) ? place.params.quarter : feedbackQuarter(year, new Date());
  const { data, loading, error, refetch } = useQuery(CommunityServiceCountyDocument, {
    variables: { code: region.code, year, quarter },
  });
  const communities = data?.region?.communityServiceRanking ?? [];
  const ranked = communities.filter((row) => row.due > 0);
  const percent = (value: string | number | null) => (value === null ? "—" : formatPercent(value, { locale }));

  return (
    <div className="community">
      <p className="muted">{t.community.countyIntro}</p>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["CLAIM_OVERDUE"]}
        title={t.community.attention}
        quietWhenNone
      />
      <DataState loading={loading && !data} error={error} empty={false} onRetry={() => refetchQuietly(refetch)}>
        {ranked.length > 0 ? (
          <div className="chart-grid">
            <RankingChart
              title={t.community.ranking({ year })}
              rows={ranked.map((row) => ({ key: row.regionCode, label: name(row), value: row.onTimeRate ?? null }))}
              format={percent}
              onSelect={(code) => navigate(pagePlace(place, "community", { region: code }))}
            />
          </div>
        ) : (
          // Said of this chart in particular: the communities may have records, but no claim fell due.
          <p className="muted">{t.community.rankingEmpty}</p>
        )}
      </DataState>

      <section className="panel">
        <h2>{t.community.communities({ year })}</h2>
        <DataTable
          caption={t.community.communities({ year })}
          rows={communities}
          rowKey={(row) => row.regionCode}
          loading={loading}
          error={error}
          onRetry={() => refetchQuietly(refetch)}
          emptyText={t.community.communitiesEmpty}
          exportName={`communities-${region.code}-${year}`}
          onRowClick={(row) => navigate(pagePlace(place, "community", { region: row.regionCode }))}
          columns={[
            { key: "name", header: t.community.community, value: (row) => name(row) },
            { key: "collected", header: t.community.collected, value: (row) => row.collected, numeric: true },
            { key: "openClaims", header: t.community.openClaimsNow, value: (row) => row.openClaims, numeric: true },
            { key: "due", header: t.community.due, value: (row) => row.due, numeric: true },
            { key: "metOnTime", header: t.community.metOnTime, value: (row) => row.metOnTime, numeric: true },
            {
              key: "rate",
              header: t.community.onTimeRate,
              value: (row) => row.onTimeRate ?? null,
              render: (row) => percent(row.onTimeRate ?? null),
              numeric: true,
            },
            { key: "wishes", header: t.community.wishesFulfilled, value: (row) => row.wishesFulfilled, numeric: true },
            { key: "members", header: t.community.membersReported, value: (row) => row.membersReported, numeric: true },
            { key: "hours", header: t.community.hours, value: (row) => row.hours, numeric: true },
          ]}
        />
      </section>

      <section className="panel">
        <div className="panel__header">
          <h2>{t.community.units({ quarter })}</h2>
          <label>
            <span>{t.community.quarter} </span>
            <select
              value={quarter}
              onChange={(event) => navigate(withParams(place, { quarter: event.target.value }), { replace: true })}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={`${year}Q${q}`}>
                  {`${year}Q${q}`}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DataTable
          caption={t.community.units({ quarter })}
          rows={data?.region?.unitServiceFeedback ?? []}
          rowKey={(row) => row.unitName}
          loading={loading}
          error={error}
          emptyText={t.community.unitsEmpty}
          exportName={`units-${region.code}-${quarter}`}
          columns={[
            { key: "unit", header: t.community.unit, value: (row) => row.unitName },
            { key: "members", header: t.community.unitMembers, value: (row) => row.members, numeric: true },
            { key: "serving", header: t.community.membersServing, value: (row) => row.membersServing, numeric: true },
            { key: "hours", header: t.community.hours, value: (row) => row.hours, numeric: true },
            { key: "scored", header: t.community.cardsScored, value: (row) => row.cardsScored, numeric: true },
            { key: "average", header: t.community.averageScore, value: (row) => row.averageScore ?? null, numeric: true },
            { key: "good", header: t.community.cardsGood, value: (row) => row.cardsGood, numeric: true },
            { key: "claimsDue", header: t.community.claimsDue, value: (row) => row.claimsDue, numeric: true },
            { key: "claimsMet", header: t.community.claimsMetOnTime, value: (row) => row.claimsMetOnTime, numeric: true },
          ]}
        />
      </section>
    </div>
  );
}

/** A claimant with the unit answering for it, when that is someone else: 刘洋（荆州开发区应急服务中心）. */
function claimantText(claimant: { name: string; unitName?: string | null }, locale: string): string {
  if (!claimant.unitName || claimant.unitName === claimant.name) return claimant.name;
  return `${claimant.name}${bracketed(claimant.unitName, locale)}`;
}

/** How a list of names is written: 刘洋、孙丽 in Chinese, "Helper, Informant" in English. */
const listSeparator = (locale: string) => (locale === "en" ? ", " : "、");
