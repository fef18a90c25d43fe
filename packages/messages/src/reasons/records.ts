import { msg } from "../catalogue.js";

/** Refusals that keep records consistent whatever their kind: versions and idempotency keys. `what` names the record (a code, a name and a period). */
export const recordReasons = {
  STALE_VERSION: msg<{ what: string; expected: number; current: number }>(
    "{what}在您打开后已被他人修改（您修改的是第 {expected} 版，{current, select, 0 {其间已有变动} other {现在是第 {current} 版}}）；请刷新后重新修改",
    "{what} was changed by someone else since you loaded it (you edited version {expected}, {current, select, 0 {it changed meanwhile} other {it is now at version {current}}}); reload it and make your change again",
  ),
  STALE_VERSION_FIELD: msg<{ expected: number; current: number }>(
    "是第 {expected} 版，{current, select, 0 {其间已有变动} other {现在是第 {current} 版}}",
    "is {expected}, but {current, select, 0 {it changed meanwhile} other {it is now at version {current}}}",
  ),
  BAD_IDEMPOTENCY_KEY: msg(
    "请使用 8–200 个字母、数字、点、短横线、冒号或下划线，例如 UUID",
    "use 8–200 letters, digits, dots, dashes, colons or underscores, e.g. a UUID",
  ),
  IDEMPOTENCY_KEY_REUSED: msg<{ key: string; operation: string }>(
    "幂等键 {key} 已用于另一项请求（{operation}）；新的修改请使用新的键",
    "the idempotency key {key} was already used for a different request ({operation}); use a new key for a new change",
  ),
  IDEMPOTENCY_KEY_REUSED_FIELD: msg("已用于另一项请求", "already used for a different request"),
  DUPLICATE_KEY: msg<{ key: string }>("已存在相同{key}的记录", "a record with the same {key} already exists"),
  BROKEN_REFERENCE: msg(
    "记录引用了不存在的内容，或仍被其他记录引用",
    "the record refers to something that does not exist, or is still referred to",
  ),
  /** A database rule refused the data; `detail` is the rule's own words (the services name fields before it is reached). */
  DATABASE_RULE: msg<{ detail: string }>("数据不符合规则：{detail}", "the data breaks a rule: {detail}"),
} as const;
