import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { RegionBreadcrumb } from "./region-breadcrumb.js";

const trail = [
  { code: "520000000000", name: "贵州省" },
  { code: "522600000000", name: "黔东南苗族侗族自治州" },
  { code: "522626000000", name: "岑巩县" },
];

describe("RegionBreadcrumb", () => {
  it("links every level above the current region, which is marked as the page", () => {
    render(<RegionBreadcrumb trail={trail} hrefFor={(code) => `/?region=${code}`} />);
    expect(screen.getByRole("navigation", { name: "地区层级" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "贵州省" })).toHaveAttribute("href", "/?region=520000000000");
    expect(screen.getByText("岑巩县")).toHaveAttribute("aria-current", "page");
    expect(screen.queryByRole("link", { name: "岑巩县" })).toBeNull();
  });

  it("navigates in the page on a plain click, and leaves a ctrl-click to the browser", () => {
    const onNavigate = vi.fn();
    render(<RegionBreadcrumb trail={trail} hrefFor={(code) => `/?region=${code}`} onNavigate={onNavigate} />);
    fireEvent.click(screen.getByRole("link", { name: "黔东南苗族侗族自治州" }));
    expect(onNavigate).toHaveBeenCalledWith("522600000000");
    // What reaches the browser: a click nobody has claimed. (jsdom cannot open the link.)
    let leftToBrowser = false;
    const browser = (event: MouseEvent) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener("click", browser);
    fireEvent.click(screen.getByRole("link", { name: "贵州省" }), { ctrlKey: true });
    window.removeEventListener("click", browser);
    expect(leftToBrowser).toBe(true);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });
});
