import type { MouseEvent } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import "./region-breadcrumb.css";

export interface BreadcrumbRegion {
  code: string;
  name: string;
}

export interface RegionBreadcrumbProps {
  /** From the top (the province) down to the region shown, which comes last. */
  trail: BreadcrumbRegion[];
  /** The link of each region, so a breadcrumb can be opened in a new tab or bookmarked. */
  hrefFor: (code: string) => string;
  /** Called instead of following the link on a plain click, for client-side navigation. */
  onNavigate?: (code: string) => void;
}

/** 贵州省 › 黔东南州 › 岑巩县: where the reader is, and a link back up each level. */
export function RegionBreadcrumb({ trail, hrefFor, onNavigate }: RegionBreadcrumbProps) {
  const { breadcrumb } = useKitMessages();
  const follow = (code: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onNavigate || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(code);
  };
  return (
    <nav aria-label={breadcrumb} className="revita-breadcrumb">
      <ol>
        {trail.map((region, index) => {
          const current = index === trail.length - 1;
          return (
            <li key={region.code}>
              {current ? (
                <span aria-current="page">{region.name}</span>
              ) : (
                <a href={hrefFor(region.code)} onClick={follow(region.code)}>
                  {region.name}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
