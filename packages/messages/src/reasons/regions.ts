import { msg } from "../catalogue.js";

const LEVEL_ZH = (name: string) =>
  `{${name}, select, PROVINCE {省} PREFECTURE {市} COUNTY {县} TOWNSHIP {乡镇} VILLAGE {村} GRID {片区/网格} BUILDING {楼栋} province {省} prefecture {市} county {县} township {乡镇} village {村} other {{${name}}}}`;
const LEVEL_EN = (name: string) =>
  `{${name}, select, PROVINCE {province} PREFECTURE {prefecture} COUNTY {county} TOWNSHIP {township} VILLAGE {village} GRID {area or grid cell} BUILDING {building} other {{${name}}}}`;

/** The administrative tree. Levels arrive as codes (COUNTY) and are named here in each language. */
export const regionReasons = {
  NO_SUCH_REGION: msg<{ code: string }>("没有区划代码为 {code} 的地区", "no region has the code {code}"),
  REGION_CODE_SHAPE: msg<{ code: string; digits: number }>(
    "“{code}”不是 {digits} 位区划代码",
    '"{code}" is not a {digits}-digit division code',
  ),
  GRID_CODE_OUTSIDE_PARENT: msg<{ code: string; parentCode: string }>(
    "片区、网格和楼栋的代码须以上级代码 {parentCode} 开头，再加 3 位；“{code}”不是",
    'the code of an area, grid cell or building is its parent\'s code {parentCode} and 3 digits more; "{code}" is not',
  ),
  REGION_CODE_TAKEN: msg<{ code: string }>("区划代码为 {code} 的地区已存在", "a region with the code {code} already exists"),
  REGION_KIND_NOT_AT_LEVEL: msg<{ kind: string; level: string; kinds: string }>(
    `{kind} 不属于${LEVEL_ZH("level")}级；${LEVEL_ZH("level")}级可选：{kinds}`,
    `a {kind} is not a ${LEVEL_EN("level")}; a ${LEVEL_EN("level")} is one of {kinds}`,
  ),
  PROVINCE_HAS_NO_PARENT: msg("省是区划树的根，没有上级", "a province is the root of the tree and has no parent"),
  PARENT_REQUIRED: msg<{ level: string; parentLevel: string }>(
    `必填：${LEVEL_ZH("level")}级须隶属于${LEVEL_ZH("parentLevel")}级`,
    `is required: a ${LEVEL_EN("level")} sits under a ${LEVEL_EN("parentLevel")}`,
  ),
  PARENT_WRONG_LEVEL: msg<{ parent: string; parentCode: string; parentLevel: string; level: string; expected: string }>(
    `{parent}（{parentCode}）是${LEVEL_ZH("parentLevel")}级，而${LEVEL_ZH("level")}级须直接隶属于${LEVEL_ZH("expected")}级`,
    `{parent} ({parentCode}) is a ${LEVEL_EN("parentLevel")}, but a ${LEVEL_EN("level")} must sit directly under a ${LEVEL_EN("expected")}`,
  ),
  // The tree over time (区划调整).
  TREE_CHANGE_LEVEL: msg<{ name: string; level: string }>(
    `只有乡镇和村（社区）可以新设、更名、改隶或撤并；{name}是${LEVEL_ZH("level")}级`,
    `only townships and villages are added, renamed, moved or merged; {name} is a ${LEVEL_EN("level")}`,
  ),
  TREE_PARENT_LEVEL: msg<{ name: string; level: string }>(
    `新设地区须在县（区）或乡镇之下；{name}是${LEVEL_ZH("level")}级`,
    `a new region goes under a county or a township; {name} is a ${LEVEL_EN("level")}`,
  ),
  REGION_CEASED: msg<{ name: string; on: string; successor: string }>(
    "{name}已于 {on} 并入{successor}，不再调整",
    "{name} was merged into {successor} on {on} and no longer changes",
  ),
  REGION_CEASED_TAKES_NO_RECORDS: msg<{ code: string; name: string; on: string; successorCode: string; successor: string }>(
    "{name}（{code}）已于 {on} 并入{successor}，不再录入新记录：请在{successor}（{successorCode}）录入",
    "{name} ({code}) was merged into {successor} on {on} and takes no new records: record this in {successor} ({successorCode})",
  ),
  CHANGE_BEFORE_LAST: msg<{ value: string; name: string; last: string }>(
    "生效日期 {value} 早于{name}上一次调整（{last}）：区划调整须按时间先后登记",
    "{value} is before {name}'s last change ({last}): changes of the tree are recorded in the order they took effect",
  ),
  NAME_UNCHANGED: msg<{ name: string }>("新名称与现名称“{name}”相同", 'the new name is the current one, "{name}"'),
  ALREADY_UNDER: msg<{ name: string; parent: string }>("{name}已隶属于{parent}", "{name} is under {parent} already"),
  MOVE_OUTSIDE_COUNTY: msg<{ parent: string; county: string }>(
    "只能在同一县（区）内改隶：{parent}不在{county}之内",
    "regions move within their county only: {parent} is not in {county}",
  ),
  MERGE_INTO_ITSELF: msg("不能并入自身", "a region cannot be merged into itself"),
  MERGE_NOT_SIBLING: msg<{ name: string; into: string }>(
    "{name}只能并入同一上级之下的同级地区，{into}不是",
    "{name} merges only into a region of its level under the same parent, which {into} is not",
  ),
} as const;
