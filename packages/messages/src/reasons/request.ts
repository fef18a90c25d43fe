import { msg } from "../catalogue.js";

/** Refusals of a whole request: who is asking, what they may do, and the limits every request keeps. */
export const requestReasons = {
  SIGN_IN_REQUIRED: msg("请先登录", "sign in to use Revita"),
  DATABASE_BUSY: msg(
    "数据库繁忙，未能及时响应：请稍后再试",
    "the database is busy and could not answer in time: try again shortly",
  ),
  QUERY_TIMEOUT: msg(
    "查询超过了允许的时间：请缩小范围（地区、年份）或分页后再试",
    "the query took longer than allowed: narrow it (region, years) or page through it",
  ),
  BAD_JSON: msg("请求正文不是有效的 JSON", "the request body is not valid JSON"),
  BAD_REQUEST_BODY: msg("请求正文应为包含查询语句的 JSON 对象", "the request body must be a JSON object with a query"),
  REQUEST_TOO_LARGE: msg<{ max: string }>("请求超过 {max}", "the request is larger than {max}"),
  UNSUPPORTED_ENCODING: msg<{ charset: string }>(
    "不支持的字符编码 {charset}：请使用 UTF-8",
    "the charset {charset} is not supported: send UTF-8",
  ),
  SUBSCRIPTIONS_UNSUPPORTED: msg("本接口不提供订阅功能", "this API has no subscriptions"),
  INTERNAL_ERROR: msg("服务器内部错误，请稍后再试；如仍出错，请联系管理员", "Internal server error"),
  QUERY_INVALID: msg<{ detail: string }>("查询语句有误：{detail}", "the query is not valid: {detail}"),
  QUERY_TOO_DEEP: msg<{ max: number; path: string }>(
    "查询嵌套超过 {max} 层（在 {path}）：请一次少查一些",
    "The query nests deeper than {max} levels (at {path}): ask for less at once.",
  ),
  TOO_MANY_ALIASES: msg<{ count: number; max: number }>(
    "查询用了 {count} 个别名，最多 {max} 个",
    "The query uses {count} aliases; at most {max} are allowed.",
  ),
  PAGE_TOO_LARGE: msg<{ field: string; argument: string; value: number; max: number }>(
    "{field}：{argument} 为 {value}，但一页只能有 0 到 {max} 条：请用 after/before 翻页",
    "{field}: {argument} is {value}, but a page holds 0 to {max} items: page through with after/before.",
  ),
  QUERY_TOO_COSTLY: msg<{ cost: number; max: number }>(
    "查询可能涉及约 {cost, number} 个对象，上限为 {max, number}：请减小每页条数或减少嵌套的列表",
    "The query could touch about {cost, number} objects; the limit is {max, number}. Ask for smaller pages or fewer nested lists.",
  ),
  QUERY_TOO_LARGE: msg<{ max: number }>(
    "查询展开片段后超过 {max, number} 个字段：请减少片段的重复引用",
    "The query holds more than {max, number} fields once its fragments are expanded: spread fewer fragments.",
  ),
  QUERY_TOO_LONG: msg<{ max: number }>("查询超过 {max, number} 个字符", "the query is longer than {max, number} characters"),
  INTROSPECTION_REFUSED: msg(
    "接口结构查询和查询编辑器仅供分析员和管理员使用",
    "Introspection and the query editor are for analysts and admins (the ANALYST or ADMIN role).",
  ),
  /** A record asked for by id that does not exist or that the asker may not see: the same answer for both. */
  NOT_FOUND: msg<{ what: string }>("找不到{what}", "{what} does not exist"),
  RECORD_NOT_FOUND: msg(
    "要修改的记录不存在，或不在您的权限范围内",
    "the record does not exist or is outside the regions you may read",
  ),
  BAD_ID: msg<{ value: string }>("“{value}”不是有效的编号", '"{value}" is not a valid id'),
  TOO_MANY_IDS: msg<{ count: number; max: number }>(
    "一次最多查询 {max} 个编号（请求的是 {count} 个）",
    "at most {max} ids at once (asked for {count})",
  ),
  RANGE_BACKWARDS: msg<{ from: string; to: string }>("{to} 早于 {from}", "{to} is before {from}"),
  RANGE_TOO_LONG: msg<{ max: number; value: number }>(
    "一次最多 {max} 个月（请求的是 {value} 个月）",
    "at most {max} months at once (asked for {value})",
  ),
} as const;
