import { msg } from "../catalogue.js";

/** Signing in, sessions and tokens, and the administration of accounts. */
export const accountReasons = {
  WRONG_CREDENTIALS: msg(
    "用户名或密码错误（连续输错 5 次，账号将锁定 15 分钟）",
    "wrong username or password (after 5 wrong passwords in a row the account is locked for 15 minutes)",
  ),
  ACCOUNT_LOCKED: msg<{ until: string }>(
    "密码错误次数过多：登录已锁定至 {until}；如需提前解锁，请联系管理员",
    "too many wrong passwords: sign-in is locked until {until}; ask an administrator to unlock it sooner",
  ),
  NOT_A_REVITA_TOKEN: msg("这不是 Revita 的令牌（令牌以 rvt_ 开头）", "the token is not a Revita token (they start with rvt_)"),
  BAD_AUTHORIZATION_HEADER: msg("Authorization 请求头应写成：Bearer <令牌>", "the Authorization header must be: Bearer <token>"),
  TOKEN_INVALID: msg("令牌无效：请重新登录，或新建令牌", "the token is not valid: sign in again, or create a new token"),
  SESSION_SIGNED_OUT: msg("该会话已退出：请重新登录", "the session was signed out: sign in again"),
  SESSION_EXPIRED: msg<{ at: string }>("会话已于 {at} 过期：请重新登录", "the session expired at {at}: sign in again"),
  ACCOUNT_DISABLED: msg("该账号已停用", "the account is disabled"),
  BAD_USERNAME: msg(
    "用户名须为 2–64 个字母、数字、点、短横线或下划线，以字母或数字开头",
    "use 2–64 letters, digits, dots, dashes or underscores, starting with a letter or digit",
  ),
  USERNAME_TAKEN: msg<{ username: string }>("用户名 {username} 已被使用", "{username} is taken"),
  NO_SUCH_USER: msg<{ username: string }>("没有用户 {username}", "the user {username} does not exist"),
  PASSWORD_TOO_SHORT: msg<{ min: number }>("密码至少 {min} 个字符", "must be at least {min} characters"),
  PASSWORD_CONTAINS_USERNAME: msg("密码不能包含用户名", "must not contain the username"),
  PASSWORD_TOO_REPETITIVE: msg("密码重复字符太多", "is too repetitive"),
  PASSWORD_TOO_COMMON: msg(
    "密码太常见或太容易猜到（如 1234567890、键盘连续字母）：请换一个，例如几个词加数字",
    "is too common or too easy to guess (like 1234567890 or a run of keys): choose another, e.g. a few words and a number",
  ),
  NOT_YOUR_PASSWORD: msg("不是您当前的密码", "is not your password"),
  PASSWORD_UNCHANGED: msg("新密码须与当前密码不同", "must differ from the current password"),
  TOKEN_DAYS_RANGE: msg<{ max: number; value: string }>(
    "有效天数应为 1 到 {max} 的整数（填写的是 {value}）",
    "must be a whole number of days from 1 to {max} (got {value})",
  ),
  NO_ROLE_GIVEN: msg(
    "请至少授予一个角色：没有角色的用户什么也做不了",
    "give at least one role: a user without one can do nothing",
  ),
  USER_OUTSIDE_YOUR_REGIONS: msg<{ username: string }>(
    "{username} 在您管理的地区之外也有角色（或没有角色）：只有管理其全部地区的管理员才能修改该账号",
    "{username} holds roles outside the regions you administer (or none): only an admin of all their regions may change the account",
  ),
  REGION_OUTSIDE_ADMINISTERED: msg<{ code: string }>(
    "{code} 不在您管理的地区范围内",
    "{code} is outside the regions you administer",
  ),
  FIELD_OUTSIDE_ADMINISTERED: msg("不在您管理的地区范围内", "outside the regions you administer"),
  NO_SUCH_GRANT: msg<{ username: string; role: string; region: string }>(
    "{username} 在 {region} 没有 {role} 角色",
    "{username}'s {role} role in {region} does not exist",
  ),
} as const;
