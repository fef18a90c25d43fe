import { msg } from "../catalogue.js";

/** Projects, their phases and their progress reports. Amounts are in yuan as exact decimal strings. */
export const projectReasons = {
  NO_SUCH_PROJECT: msg<{ code: string }>("没有编号为 {code} 的项目", "no project has the code {code}"),
  NO_SUCH_PROJECT_READABLE: msg<{ code: string }>(
    "您可查看的地区内没有编号为 {code} 的项目",
    "no project has the code {code} in the regions you may read",
  ),
  PROJECT_CODE_TAKEN: msg<{ code: string }>("编号为 {code} 的项目已存在", "a project with the code {code} already exists"),
  NO_SUCH_CATEGORY: msg<{ code: string }>("没有代码为 {code} 的项目类别", "no project category has the code {code}"),
  PROJECT_REGION_LEVEL: msg<{ region: string; level: string }>(
    "{region}是{level, select, province {省} prefecture {市} county {县} township {乡镇} village {村} other {{level}}}级：项目只能属于县、乡镇或村",
    "{region} is a {level}: a project belongs to a county, town or village",
  ),
  PHASE_NUMBER_REQUIRED: msg("分期项目须填写期数（1 或以上）", "a phase needs a phase number of 1 or more"),
  PHASE_NEEDS_PARENT: msg("填写了期数，就须填写所属项目", "a phase number needs a parent project"),
  PHASE_OF_A_PHASE: msg<{ code: string; parent: string }>(
    "{code} 本身是 {parent} 的一期：请填写整个项目的编号",
    "{code} is itself a phase of {parent}: give the whole project's code",
  ),
  PHASE_NUMBER_TAKEN: msg<{ code: string; phase: number; taken: string }>(
    "{code} 已有第 {phase} 期（{taken}）",
    "{code} already has phase {phase} ({taken})",
  ),
  PHASE_OUTSIDE_PROJECT_REGION: msg<{ region: string; projectRegion: string }>(
    "分期项目须位于所属项目的地区{projectRegion}或其下级，{region}不在其中",
    "a phase lies in its project's region {projectRegion} or below, and {region} is not",
  ),
  NO_FIGURES: msg(
    "进度须填写完成投资、形象进度，或两者都填",
    "a progress report needs completed investment, physical progress, or both",
  ),
  EXCEEDS_TOTAL_INVESTMENT: msg<{ value: string; total: string; project: string }>(
    "{value} 元超过{project}的总投资 {total} 元；如确实超概算，请填写超概算原因",
    "{value} exceeds the total investment {total} of {project}; give an over-budget reason to record it",
  ),
  BELOW_EARLIER_INVESTMENT: msg<{ value: string; period: string; earlier: string }>(
    "{value} 元低于 {period} 的累计完成投资 {earlier} 元；如之前填报有误，请填写更正原因",
    "{value} is below {period}'s cumulative {earlier}; give a correction reason if the earlier figure was wrong",
  ),
  BELOW_EARLIER_PROGRESS: msg<{ value: string; period: string; earlier: string }>(
    "{value}% 低于 {period} 的 {earlier}%；如之前填报有误，请填写更正原因",
    "{value}% is below {period}'s {earlier}%; give a correction reason if the earlier figure was wrong",
  ),
  TOTAL_BELOW_COMPLETED: msg<{ value: string; completed: string; period: string }>(
    "{value} 元低于 {period} 已填报的完成投资 {completed} 元",
    "{value} is below the completed investment {completed} reported for {period}",
  ),
  ALREADY_REPORTED: msg<{ project: string; period: string }>(
    "{project}已填报 {period} 的进度；请更正那次填报",
    "{project} already has a progress report for {period}; correct that report instead",
  ),
  NOTHING_TO_CORRECT: msg<{ project: string; period: string }>(
    "{project}没有 {period} 的进度可更正；请直接填报",
    "{project} has no progress report for {period} to correct; report it instead",
  ),
  CORRECTION_REASON_REQUIRED: msg("请说明原填报数据错在哪里", "say why the reported figures were wrong"),
  DUPLICATE_ROW: msg<{ row: number; project: string; period: string }>(
    "第 {row} 行已填报 {project} 的 {period}",
    "row {row} already reports {project} for {period}",
  ),
} as const;
