import { FundFlowChart } from "./fund-flow-chart.js";

export const BySource = () => (
  <FundFlowChart
    title="资金流向：下达与拨付"
    rows={[
      { key: "CENTRAL_BRIDGING", label: "中央衔接资金", allocated: "497000000", disbursed: "447300000" },
      { key: "PROVINCIAL", label: "省级资金", allocated: "120000000", disbursed: "96000000" },
      { key: "COUNTY", label: "县级配套", allocated: "60000000", disbursed: "30000000" },
    ]}
  />
);
export const Nothing = () => <FundFlowChart title="资金流向" rows={[]} />;
