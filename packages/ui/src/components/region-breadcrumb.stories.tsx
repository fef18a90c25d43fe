import { RegionBreadcrumb } from "./region-breadcrumb.js";

const trail = [
  { code: "520000000000", name: "贵州省" },
  { code: "522600000000", name: "黔东南苗族侗族自治州" },
  { code: "522626000000", name: "岑巩县" },
  { code: "522626101000", name: "平庄镇" },
];

export const Village = () => (
  <RegionBreadcrumb trail={[...trail, { code: "522626101201", name: "背鹅村" }]} hrefFor={(code) => `?region=${code}`} />
);
export const County = () => (
  <RegionBreadcrumb trail={trail.slice(0, 3)} hrefFor={(code) => `?region=${code}`} onNavigate={() => {}} />
);
export const Province = () => <RegionBreadcrumb trail={trail.slice(0, 1)} hrefFor={(code) => `?region=${code}`} />;
