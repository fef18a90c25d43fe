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
export { groupedYuan, percentText, signedChange } from "./figures.js";
