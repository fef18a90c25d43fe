import type { Column } from "@revita/ui/components/data-table";
import { Money } from "@revita/ui/components/money";
import { ProgressBar } from "@revita/ui/components/progress-bar";
import { ProjectStatusBadge, StatusBadge } from "@revita/ui/components/status-badge";
import type { Locale } from "@revita/ui/format/locale";
import type { ProjectRowFragment } from "../../generated/operations.js";
import type { AppMessages } from "../../i18n/messages.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace } from "../../navigation/places.js";

/** Money in tables, by the one money rule (亿元 / 万元 / 元, exact yuan on hover and in exports). */
export function tableMoney(amount: string | null | undefined, locale: Locale) {
  return <Money amount={amount} locale={locale} />;
}

/** The columns of every project table: the list, the overview's behind-schedule and key projects. */
export function projectColumns(t: AppMessages, locale: Locale, from: Place): Column<ProjectRowFragment>[] {
  const name = (p: ProjectRowFragment) => (locale === "en" && p.nameEn ? p.nameEn : p.nameZh);
  return [
    { key: "code", header: t.project.code, value: (p) => p.code, hiddenByDefault: true },
    {
      key: "name",
      header: t.project.name,
      value: name,
      render: (p) => (
        <>
          <PlaceLink place={pagePlace(from, "project", {}, p.code)}>{name(p)}</PlaceLink>{" "}
          {p.standing.behindSchedule && <StatusBadge tone="bad">{t.project.behind}</StatusBadge>}
        </>
      ),
    },
    {
      key: "category",
      header: t.project.category,
      value: (p) => (locale === "en" ? p.category.nameEn : p.category.nameZh),
    },
    {
      key: "region",
      header: t.project.region,
      value: (p) => (locale === "en" ? p.region.nameEn : p.region.nameZh),
    },
    {
      key: "status",
      header: t.project.status,
      value: (p) => p.status,
      render: (p) => <ProjectStatusBadge status={p.status} />,
    },
    {
      key: "total",
      header: t.project.totalInvestment,
      value: (p) => p.totalInvestment,
      numeric: true,
      money: true,
    },
    {
      key: "completed",
      header: t.project.completedInvestment,
      value: (p) => p.standing.completedInvestment,
      numeric: true,
      money: true,
    },
    {
      key: "progress",
      header: t.project.progress,
      value: (p) => p.standing.completionRate,
      numeric: true,
      render: (p) => (
        <ProgressBar
          completionRate={p.standing.completionRate}
          physicalProgress={p.standing.physicalProgress}
          scheduleElapsed={p.standing.scheduleElapsed}
          compact
        />
      ),
    },
  ];
}
