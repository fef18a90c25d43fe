import type { CreateUserInput } from "../../accounts/accounts.service.js";

/**
 * One demo account for each role (README lists them), all with the same demo password. A
 * real county creates its own accounts and never loads these.
 */
export const DEMO_PASSWORD = "revita-demo-2026";

/** 贵州省 and 荆州市: a province's and a city's staff read every place the articles name. */
const GUIZHOU = "520000000000";
const JINGZHOU_CITY = "421000000000";
const CENGONG = "522626000000";
const PINGZHUANG = "522626107000";
const JINGZHOU_DISTRICT = "421003000000";
const DEVELOPMENT_ZONE = "421071000000";
/** 三湾路社区 (联合街道, 荆州开发区): a community's own staff, who read residents' phones in full. */
const SANWANLU = "421071001001";
/** 马山镇 (荆州区), whose one-stop centre mediates what its villages cannot settle. */
const MASHAN = "421003102000";
/** 凤鸣社区 (郢城镇, 荆州区), whose consultation platform the demo's topics come from. */
const FENGMING = "421003100001";

/** 网新村 (李埠镇, 荆州区), whose clerk keeps its monitored households. */
const WANGXIN = "421003104200";

/** The regions the demo users' grants name. */
export const DEMO_REGION_CODES = [
  GUIZHOU,
  JINGZHOU_CITY,
  CENGONG,
  PINGZHUANG,
  JINGZHOU_DISTRICT,
  DEVELOPMENT_ZONE,
  SANWANLU,
  MASHAN,
  FENGMING,
  WANGXIN,
];

export const DEMO_USERS: readonly Omit<CreateUserInput, "password">[] = [
  { username: "cengong.viewer", displayName: "岑巩县 县领导（查看）", grants: [{ role: "VIEWER", regionCode: CENGONG }] },
  { username: "cengong.analyst", displayName: "岑巩县 发改局分析员", grants: [{ role: "ANALYST", regionCode: CENGONG }] },
  { username: "cengong.editor", displayName: "岑巩县 水务局填报员", grants: [{ role: "EDITOR", regionCode: CENGONG }] },
  {
    username: "pingzhuang.clerk",
    displayName: "平庄镇 填报员",
    grants: [
      { role: "EDITOR", regionCode: PINGZHUANG },
      { role: "VIEWER", regionCode: CENGONG },
    ],
  },
  { username: "cengong.approver", displayName: "岑巩县 乡村振兴局审核员", grants: [{ role: "APPROVER", regionCode: CENGONG }] },
  { username: "cengong.admin", displayName: "岑巩县 系统管理员", grants: [{ role: "ADMIN", regionCode: CENGONG }] },
  { username: "jingzhou.analyst", displayName: "荆州区 分析员", grants: [{ role: "ANALYST", regionCode: JINGZHOU_DISTRICT }] },
  {
    username: "jingzhoucity.analyst",
    displayName: "荆州市 乡村振兴局分析员",
    grants: [{ role: "ANALYST", regionCode: JINGZHOU_CITY }],
  },
  { username: "guizhou.viewer", displayName: "贵州省 乡村振兴局（查看）", grants: [{ role: "VIEWER", regionCode: GUIZHOU }] },
  {
    username: "jingzhou.supervisor",
    displayName: "荆州区委督查室 督办员",
    grants: [{ role: "APPROVER", regionCode: JINGZHOU_DISTRICT }],
  },
  {
    username: "sanwanlu.secretary",
    displayName: "三湾路社区 党支部书记",
    grants: [
      { role: "EDITOR", regionCode: SANWANLU },
      { role: "VIEWER", regionCode: DEVELOPMENT_ZONE },
    ],
  },
  { username: "mashan.mediator", displayName: "马山镇 调解中心调解员", grants: [{ role: "EDITOR", regionCode: MASHAN }] },
  {
    username: "jingzhou.inspector",
    displayName: "荆州区 农业农村局村庄清洁检查员",
    grants: [{ role: "EDITOR", regionCode: JINGZHOU_DISTRICT }],
  },
  {
    username: "wangxin.clerk",
    displayName: "网新村 防返贫监测信息员",
    grants: [
      { role: "EDITOR", regionCode: WANGXIN },
      { role: "PERSONAL_DATA", regionCode: WANGXIN },
    ],
  },
  {
    username: "fengming.secretary",
    displayName: "凤鸣社区 党委书记",
    grants: [{ role: "EDITOR", regionCode: FENGMING }],
  },
  {
    username: "zone.viewer",
    displayName: "荆州开发区 党工委（查看）",
    grants: [{ role: "VIEWER", regionCode: DEVELOPMENT_ZONE }],
  },
];
