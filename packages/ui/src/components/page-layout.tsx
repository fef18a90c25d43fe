import type { ReactNode } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import "./page-layout.css";

export interface NavItem {
  key: string;
  label: string;
  href: string;
  current?: boolean;
}

export interface PageLayoutProps {
  /** The product's name in the header. */
  brand: ReactNode;
  nav: NavItem[];
  /** Called instead of following a nav link on a plain click, for client-side navigation. */
  onNavigate?: (item: NavItem) => void;
  /** Right side of the header: language switch, theme, user. */
  actions?: ReactNode;
  /** Above the title: usually the region breadcrumb. */
  breadcrumb?: ReactNode;
  title: ReactNode;
  /** Beside the title: period picker, export. */
  toolbar?: ReactNode;
  children: ReactNode;
}

/**
 * Every page's frame: header with navigation, then breadcrumb, title and content. On a phone the
 * navigation wraps under the brand; on a projector the content grows to 1920 pixels.
 */
export function PageLayout({ brand, nav, onNavigate, actions, breadcrumb, title, toolbar, children }: PageLayoutProps) {
  const messages = useKitMessages();
  return (
    <div className="revita-layout">
      <a className="revita-layout__skip" href="#revita-main">
        {messages.skipToContent}
      </a>
      <header className="revita-layout__header">
        <div className="revita-layout__brand">{brand}</div>
        <nav aria-label={messages.navigation} className="revita-layout__nav">
          {nav.map((item) => (
            <a
              key={item.key}
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              onClick={(event) => {
                if (!onNavigate || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                onNavigate(item);
              }}
            >
              {item.label}
            </a>
          ))}
        </nav>
        {actions && <div className="revita-layout__actions">{actions}</div>}
      </header>
      <main id="revita-main" className="revita-layout__main" tabIndex={-1}>
        {breadcrumb}
        <div className="revita-layout__title">
          <h1>{title}</h1>
          {toolbar && <div className="revita-layout__toolbar">{toolbar}</div>}
        </div>
        {children}
      </main>
    </div>
  );
}
