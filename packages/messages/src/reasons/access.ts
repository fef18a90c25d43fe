import { msg } from "../catalogue.js";

/**
 * Refusals by the access rules. `capability` is read, edit, approve or administer; `region` the
 * region's Chinese name (names of the tree are public).
 */
const CAPABILITY_ZH = "{capability, select, read {查看} edit {填报} approve {审核} administer {管理} other {操作}}";
const ROLE_ZH = "{capability, select, read {查看} edit {填报员} approve {审核员} administer {管理员} other {}}";
const CAPABILITY_EN = "{capability, select, read {read} edit {edit} approve {approve} administer {administer} other {use}}";
const ROLE_EN = "{capability, select, read {VIEWER} edit {EDITOR} approve {APPROVER} administer {ADMIN} other {}}";

export const accessReasons = {
  /** A change asked while reading approved or published figures only (X-Revita-Figures); `operation` names it for scripts. */
  FIGURES_READ_ONLY: msg<{ figures: string; operation: string }>(
    "当前数据口径是“{figures, select, approved {仅已审核数} published {仅公开报道数} other {{figures}}}”，只能查看：请切换到“全部填报数”后再录入或修改",
    "the figures read are {figures, select, approved {approved figures only} published {published figures only} other {{figures}}}, which are for reading: switch to all figures before entering or changing anything",
  ),
  /** A field or record outside the asker's regions. */
  OUTSIDE_YOUR_REGIONS: msg<{ what: string; capability: string }>(
    `{what}不在您可以${CAPABILITY_ZH}的地区范围内（需要${ROLE_ZH}权限）`,
    `{what} is outside the regions you may ${CAPABILITY_EN} (${ROLE_EN} role)`,
  ),
  /** Beside a form's field: shorter. */
  FIELD_OUTSIDE_YOUR_REGIONS: msg<{ capability: string }>(
    `不在您可以${CAPABILITY_ZH}的地区范围内`,
    `outside the regions you may ${CAPABILITY_EN}`,
  ),
  /** A GraphQL field refused before it ran: `field` is Type.field, as analysts write it; `need` what the grants lack. */
  FIELD_REFUSED: msg<{ field: string; need: string }>(
    "无权读取 {field}：{need, select, queriesFreely {自由查询需要分析员或管理员权限} reads {它不在您可以查看的地区范围内} readsProject {该项目不在您可以查看的地区范围内} edits {它不在您可以填报的地区范围内（需要填报员权限）} approves {它不在您可以审核的地区范围内（需要审核员权限）} administers {它不在您管理的地区范围内（需要管理员权限）} other {您的权限不允许}}",
    "{field} refused: {need, select, queriesFreely {free-form queries need the ANALYST or ADMIN role} reads {it is outside the regions you may read} readsProject {the project is outside the regions you may read} edits {it is outside the regions you may edit (EDITOR role)} approves {it is outside the regions you may approve (APPROVER role)} administers {it is outside the regions you administer (ADMIN role)} other {your roles do not allow it}}",
  ),
  REGION_OUTSIDE_READ: msg<{ region: string }>(
    "{region}不在您可以查看的地区范围内",
    "{region} is outside the regions you may read",
  ),
  TABLE_OUTSIDE_YOUR_REGIONS: msg<{ table: string }>(
    "这条记录（{table}）不在您可以修改的地区范围内",
    "the {table} is outside the regions you may change",
  ),
  AUDIT_APPEND_ONLY: msg("变更记录只能追加，不能修改或删除", "the audit log is append-only"),
  TABLE_NOT_WRITABLE: msg<{ table: string }>("数据库不允许这样修改{table}", "the database does not allow this change to {table}"),
} as const;
