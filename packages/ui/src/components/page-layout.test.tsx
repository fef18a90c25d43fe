import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { LocaleProvider } from "../i18n/locale-context.js";
import { PageLayout } from "./page-layout.js";

const nav = [
  { key: "overview", label: "总览", href: "/", current: true },
  { key: "projects", label: "项目", href: "/projects" },
];

describe("PageLayout", () => {
  it("marks the current page in the navigation and offers a skip link to the content", () => {
    render(
      <PageLayout brand="Revita" nav={nav} title="岑巩县">
        <p>内容</p>
      </PageLayout>,
    );
    expect(screen.getByRole("link", { name: "总览" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "跳到正文" })).toHaveAttribute("href", "#revita-main");
    expect(screen.getByRole("main")).toHaveTextContent("内容");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("岑巩县");
  });

  it("hands navigation to the app and speaks the reader's language", () => {
    const onNavigate = vi.fn();
    render(
      <LocaleProvider locale="en">
        <PageLayout brand="Revita" nav={nav} onNavigate={onNavigate} title="Cengong">
          <p />
        </PageLayout>
      </LocaleProvider>,
    );
    fireEvent.click(screen.getByRole("link", { name: "项目" }));
    expect(onNavigate).toHaveBeenCalledWith(nav[1]);
    expect(screen.getByRole("navigation", { name: "Main navigation" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to content" })).toBeInTheDocument();
  });
});
