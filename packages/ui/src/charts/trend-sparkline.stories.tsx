import { TrendSparkline } from "./trend-sparkline.js";

export const Rising = () => <TrendSparkline values={["81", "85", "88", "93"]} label="2020–2023：81% → 93%" />;
export const WithGap = () => (
  <TrendSparkline values={["12", null, "9", "7", "8"]} label="返贫户 12 → 8" width={160} height={40} />
);
export const TenThousand = () => (
  <TrendSparkline
    values={Array.from({ length: 10_000 }, (_, i) => String(Math.sin(i / 200) * 50 + 50))}
    label="10,000 个点"
    width={240}
  />
);
