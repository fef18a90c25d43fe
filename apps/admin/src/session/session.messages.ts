import { msg } from "@revita/messages";

/** Signing in, the signed-in user and what they may do, and a project's changes (its audit trail). */
export const sessionMessages = {
  account: {
    signInTitle: msg("登录 Revita", "Sign in to Revita"),
    signInIntro: msg(
      "乡村振兴项目、资金与指标监测。请使用本单位分配的账号登录。",
      "Rural revitalization projects, funds and indicators. Sign in with the account your office gave you.",
    ),
    username: msg("用户名", "Username"),
    password: msg("密码", "Password"),
    signIn: msg("登录", "Sign in"),
    signingIn: msg("正在登录…", "Signing in…"),
    /** Also for a locked account: the answer must not tell which usernames exist. */
    wrongPassword: msg(
      "用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟；如需提前解锁，请联系管理员。",
      "Wrong username or password. After 5 wrong passwords in a row the account is locked for 15 minutes; an administrator can unlock it sooner.",
    ),
    signOut: msg("退出登录", "Sign out"),
    signedInAs: msg<{ name: string }>("当前用户：{name}", "Signed in as {name}"),
    scope: msg("我的权限", "My access"),
    capabilities: {
      read: msg("查看", "View"),
      edit: msg("填报", "Enter data"),
      approve: msg("审核", "Approve"),
      administer: msg("管理", "Administer"),
    },
    queriesFreely: msg("可使用数据查询", "May use the query lab"),
    outsideScope: msg<{ region: string }>("{region}不在您的权限范围内。", "{region} is outside the regions you may view."),
    backHome: msg<{ region: string }>("返回{region}", "Back to {region}"),
    queryLabRefused: msg("数据查询仅向分析员和管理员开放。", "The query lab is for analysts and administrators."),
    changes: msg("修改记录", "Changes"),
    changesDescription: msg(
      "本项目及其进度、产出、资金安排的每一次新增、修改和删除（管理员可见）。",
      "Every addition, change and deletion of this project, its reports, outputs and allocations (administrators only).",
    ),
    noChanges: msg("暂无修改记录。", "No changes recorded."),
    when: msg("时间", "When"),
    who: msg("操作人", "Who"),
    what: msg("内容", "What"),
    actions: {
      INSERT: msg("新增", "Added"),
      UPDATE: msg("修改", "Changed"),
      DELETE: msg("删除", "Deleted"),
    },
  },
} as const;
