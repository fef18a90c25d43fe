import { Money } from "./money.js";

export const Steps = () => (
  <ul>
    <li>
      <Money amount="389000000" locale="zh-CN" /> · <Money amount="75990000" locale="zh-CN" /> ·{" "}
      <Money amount="8650" locale="zh-CN" />
    </li>
    <li>
      <Money amount="389000000" locale="en" /> · <Money amount="220000" locale="en" />
    </li>
  </ul>
);
export const Missing = () => <Money amount={null} locale="zh-CN" />;
