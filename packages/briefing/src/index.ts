export {
  type Bar,
  type BriefingLayout,
  type BriefingRegion,
  briefingLayout,
  type Cell,
  type Column,
  chinaMinute,
  type LayoutOptions,
  type Light,
  type Section,
} from "./briefing-layout.js";
export {
  type BriefingYears,
  briefingAsOf,
  briefingVariables,
  chinaDay,
  lastFullMonth,
  latestYear,
} from "./briefing-variables.js";
export { groupedYuan, percentText, signedChange } from "./figures.js";
