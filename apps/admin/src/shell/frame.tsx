import { type NavItem, PageLayout } from "@revita/ui/components/page-layout";
import { RegionBreadcrumb } from "@revita/ui/components/region-breadcrumb";
import type { ReactNode } from "react";
import { useAppLocale, useNamer } from "../i18n/app-locale.js";
import { LanguageSwitch } from "../i18n/language-switch.js";
import { PlaceLink } from "../navigation/place-link.js";
import { hrefOf, type PageKey, type Place, pagePlace, withParams } from "../navigation/places.js";
import { NAV_PAGES, navEntryOf, navOf } from "../navigation/routes.js";
import { navigate } from "../navigation/use-place.js";
import { type SignedInUser, useSignedInUser, useSignOut } from "../session/session.js";
import { figuresOfParams } from "./figures.js";
import type { RegionScope } from "./region-scope.js";

export interface FrameProps {
  place: Place;
  scope: RegionScope;
  title: ReactNode;
  /** Hide the region and year controls, e.g. on the query lab where they mean nothing. */
  regionless?: boolean;
  children: ReactNode;
}

/**
 * Every page's frame: navigation, language switch, the region breadcrumb with a way down to
 * the regions below, and the year. Changing region or year keeps the page and its filters.
 */
export function Frame({ place, scope, title, regionless = false, children }: FrameProps) {
  const { t } = useAppLocale();
  const name = useNamer();
  const currentNav: PageKey = navEntryOf(place.page);
  const user = useSignedInUser();
  const signOut = useSignOut();
  // The query lab is for those the API lets query freely; for others it would only refuse.
  const nav: NavItem[] = NAV_PAGES.flatMap((key) => {
    const entry = navOf(key);
    if (!entry || (entry.onlyFor === "queriesFreely" && !user.scope.queriesFreely)) return [];
    return [{ key, label: t.nav[entry.label], href: hrefOf(pagePlace(place, key)), current: key === currentNav }];
  });
  // A project page's region links go to that region's overview; other pages stay where they are.
  const regionPlace = (code: string) =>
    place.page === "project" ? pagePlace(withParams(place, { region: code }), "overview") : withParams(place, { region: code });
  const go = (code: string) => navigate(regionPlace(code));
  const region = scope.region;
  const trail = region ? [...region.ancestors, region].map((r) => ({ code: r.code, name: name(r) })) : [];
  const years = region?.years ?? [];
  const readableChildren = region?.children.filter((child) => child.access.read) ?? [];

  return (
    <PageLayout
      brand={
        <PlaceLink place={pagePlace(place, "overview")} className="brand">
          <strong>Revita</strong> <span>{t.brand}</span>
        </PlaceLink>
      }
      nav={nav}
      onNavigate={(item) => navigate(pagePlace(place, item.key as PageKey))}
      actions={
        <>
          <AccountMenu user={user} onSignOut={() => void signOut()} />
          <LanguageSwitch />
        </>
      }
      breadcrumb={
        regionless ? undefined : (
          <div className="region-bar">
            <RegionBreadcrumb trail={trail} hrefFor={(code) => hrefOf(regionPlace(code))} onNavigate={go} />
            {region && readableChildren.length > 0 && (
              <RegionSelect label={t.childRegions} prompt={t.chooseChild} regions={readableChildren} onChoose={go} />
            )}
            {region && region.ancestors.length === 0 && scope.provinces.length > 1 && (
              <RegionSelect label={t.chooseProvince} prompt={t.chooseProvince} regions={scope.provinces} onChoose={go} />
            )}
          </div>
        )
      }
      title={title}
      toolbar={
        regionless ? undefined : (
          <>
            {place.page !== "project" && (
              <label className="year-picker">
                <span>{t.year}</span>
                <select
                  value={scope.latestYear ? "" : String(scope.year)}
                  onChange={(event) => navigate(withParams(place, { year: event.target.value || undefined }))}
                >
                  <option value="">
                    {years.length || scope.region?.scorecardYears.length ? t.latestYear({ year: scope.year }) : t.noYears}
                  </option>
                  {[...years].reverse().map((year) => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="year-picker">
              <span>{t.figures.label}</span>
              <select
                value={figuresOfParams(place.params)}
                onChange={(event) => {
                  const figures = figuresOfParams({ figures: event.target.value });
                  navigate(withParams(place, { figures: figures === "all" ? undefined : figures }));
                }}
              >
                <option value="all">{t.figures.all}</option>
                <option value="approved">{t.figures.approved}</option>
                <option value="published">{t.figures.published}</option>
              </select>
            </label>
          </>
        )
      }
    >
      {figuresOfParams(place.params) === "published" && (
        <p className="figures-notice" role="note">
          {t.figures.publishedNotice}
        </p>
      )}
      {children}
    </PageLayout>
  );
}

/** A jump to another region: a prompt, then the regions by name; choosing one goes there. */
function RegionSelect({
  label,
  prompt,
  regions,
  onChoose,
}: {
  label: string;
  prompt: string;
  regions: { code: string; nameZh: string; nameEn: string }[];
  onChoose: (code: string) => void;
}) {
  const name = useNamer();
  return (
    <select aria-label={label} value="" onChange={(event) => event.target.value && onChoose(event.target.value)}>
      <option value="">{prompt}</option>
      {regions.map((r) => (
        <option key={r.code} value={r.code}>
          {name(r)}
        </option>
      ))}
    </select>
  );
}

/**
 * Who is signed in and what they may do where (each role's outermost regions), with the way out.
 * A <details> element: it opens and closes without script and announces itself to screen readers.
 */
function AccountMenu({ user, onSignOut }: { user: SignedInUser; onSignOut: () => void }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const rows = (["read", "edit", "approve", "administer"] as const)
    .map((capability) => ({ capability, regions: user.scope[capability] }))
    .filter((row) => row.regions.length > 0);
  return (
    <details className="account-menu">
      <summary>{user.username}</summary>
      <div className="account-panel">
        <p>{t.account.signedInAs({ name: `${user.displayName} (${user.username})` })}</p>
        <h2>{t.account.scope}</h2>
        <dl>
          {rows.map(({ capability, regions }) => (
            <div key={capability}>
              <dt>{t.account.capabilities[capability]}</dt>
              <dd>{regions.map((region) => name(region)).join(locale === "en" ? ", " : "、")}</dd>
            </div>
          ))}
        </dl>
        {user.scope.queriesFreely && <p>{t.account.queriesFreely}</p>}
        <button type="button" onClick={onSignOut}>
          {t.account.signOut}
        </button>
      </div>
    </details>
  );
}
