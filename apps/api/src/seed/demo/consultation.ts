import type { ChangeAuthor } from "../../changes/apply-change.js";
import { decideTopic, findTopic, followUpTopic, holdMeeting, raiseTopic } from "../../consultation/consultation.service.js";
import type { DbClient } from "../../db/database.js";
import { ARTICLES, cite } from "./articles.js";
import { demoRegionCode } from "./regions.js";

/**
 * The demo's consultation topics and meetings [seeds 002, 001]. Published: 凤鸣社区's counts since
 * the year before the article (20余 problems solved, such as cars parked anywhere and noise; 10余
 * suggestions on public matters and services: typed as indicator values of 2023 in jingzhou.ts)
 * and its way of working (answered on the spot, or taken up with a deadline and looked into by a
 * group of cadres and party members); 沙市花园小区's monthly three-party meeting of 东苑社区, 楚阳物业
 * and the owners' committee. The records behind the counts, their titles beyond the two the
 * article names, the dates and the meetings' agendas are illustrative.
 */

const FENGMING = cite(ARTICLES.fengmingConsultation, "“一线协商”议事：解决民生问题20余件、提供建议10余条");
const GARDEN = cite(ARTICLES.shashiGarden, "社区、物业、业委会三方联席会议，每月协商");
const ILLUSTRATIVE = "示例数据（文章只给出总数或机制，此记录为演示所设）";

/** 20 problems solved in 2023, the first two as the article names them. */
const ISSUES_2023 = [
  "小区车辆乱停放",
  "夜间噪音扰民",
  "楼道堆放杂物",
  "化粪池堵塞外溢",
  "路灯损坏",
  "垃圾清运不及时",
  "健身器材损坏",
  "下水道返味",
  "电动车飞线充电",
  "广场舞音量过大",
  "空置房屋漏水",
  "绿化带被占用种菜",
  "楼顶违章搭建",
  "流浪犬扰民",
  "门禁损坏",
  "消防通道被占",
  "雨天路面积水",
  "高空抛物",
  "快递乱堆放",
  "公厕保洁不到位",
];
const SUGGESTIONS_2023 = [
  "增设老年人助餐点",
  "开设四点半课堂",
  "公示物业收支",
  "增加社区图书角开放时间",
  "设立清风议事亭",
  "建立居民微信议事群",
  "增设电动车充电桩",
  "组织廉洁文化进家庭",
  "设立便民维修日",
  "开展邻里节",
];

export async function loadConsultation(tx: DbClient, author: ChangeAuthor): Promise<void> {
  const fengming = demoRegionCode("凤鸣社区");
  // 2023, behind the published counts: each problem taken up and decided, or answered on the spot;
  // dates spread over the year, every third one answered there and then.
  for (const [index, title] of ISSUES_2023.entries()) {
    const month = String(1 + (index % 11)).padStart(2, "0");
    const raisedOn = `2023-${month}-0${1 + (index % 8)}`;
    const onTheSpot = index % 3 === 2;
    const topic = await raiseTopic(
      tx,
      {
        regionCode: fengming,
        kind: "ISSUE",
        title,
        raisedBy: index % 2 ? "网格员" : "居民",
        channel: index % 2 ? "GRID_GROUP" : "VISIT",
        raisedOn,
        answer: onTheSpot ? "现场答复，当日处理" : null,
        investigators: onTheSpot ? null : "社区干部、下沉党员调查组",
        recordSource: index < 2 ? `${FENGMING}；日期为示意` : `${FENGMING}；${ILLUSTRATIVE}`,
      },
      author,
    );
    if (!onTheSpot) {
      const decidedOn = `2023-${month}-1${index % 8}`;
      await decideTopic(tx, await findTopic(tx, topic.id), { decision: "协商议定处理意见并限时办结", on: decidedOn });
    }
    await followUpTopic(tx, await findTopic(tx, topic.id), {
      followUp: "廉情监督员跟踪问效，问题已解决",
      satisfaction: index % 7 === 6 ? "FAIRLY_SATISFIED" : "SATISFIED",
      on: `2023-${month}-2${index % 8}`,
    });
  }
  for (const [index, title] of SUGGESTIONS_2023.entries()) {
    const month = String(2 + index).padStart(2, "0");
    await raiseTopic(
      tx,
      {
        regionCode: fengming,
        kind: "SUGGESTION",
        title,
        raisedBy: "群众代表",
        channel: "MEETING",
        raisedOn: `2023-${month}-15`,
        answer: "建议已采纳，纳入社区工作安排",
        recordSource: `${FENGMING}；${ILLUSTRATIVE}`,
      },
      author,
    );
  }

  // 2026, illustrative: the community's list as its staff would find it this winter — one answer
  // overdue (an alert), one taken up within its deadline, one answered on the spot.
  await raiseTopic(
    tx,
    {
      regionCode: fengming,
      kind: "ISSUE",
      title: "老旧小区加装电梯分摊费用",
      detail: "一楼住户与高层住户对分摊比例意见不一",
      raisedBy: "3栋居民",
      channel: "VISIT",
      raisedOn: "2026-10-28",
      answerDue: "2026-11-12",
      investigators: "社区干部、下沉党员调查组",
      recordSource: ILLUSTRATIVE,
    },
    author,
  );
  await raiseTopic(
    tx,
    {
      regionCode: fengming,
      kind: "ISSUE",
      title: "菜市场门口早高峰拥堵",
      raisedBy: "网格员",
      channel: "GRID_GROUP",
      raisedOn: "2026-11-24",
      answerDue: "2026-12-09",
      recordSource: ILLUSTRATIVE,
    },
    author,
  );
  await raiseTopic(
    tx,
    {
      regionCode: fengming,
      kind: "SUGGESTION",
      title: "冬季为独居老人检查燃气",
      raisedBy: "居民",
      channel: "HOTLINE",
      raisedOn: "2026-11-18",
      answer: "已联系燃气公司，本月内入户检查",
      recordSource: ILLUSTRATIVE,
    },
    author,
  );

  // 沙市花园小区: the monthly three-party meeting, as the article describes it; this month's agenda
  // and its decision are illustrative.
  const dongyuan = demoRegionCode("东苑社区");
  const parking = await raiseTopic(
    tx,
    {
      regionCode: dongyuan,
      kind: "ISSUE",
      title: "沙市花园小区地下活动室冬季开放时间",
      raisedBy: "沙市花园小区业主委员会",
      channel: "MEETING",
      raisedOn: "2026-11-02",
      answerDue: "2026-11-20",
      recordSource: `${GARDEN}；${ILLUSTRATIVE}`,
    },
    author,
  );
  const meeting = await holdMeeting(
    tx,
    {
      regionCode: dongyuan,
      kind: "THREE_PARTY",
      title: "沙市花园小区十一月三方联席会议",
      heldOn: "2026-11-16",
      place: "沙市花园小区地下活动室",
      minutes: "通报季度财务收支；议定活动室冬季开放时间；物业报告安保、卫生、绿化、维修情况。",
      participants: [
        { role: "COMMUNITY", name: "东苑社区" },
        { role: "PROPERTY_COMPANY", name: "楚阳物业管理有限公司（赵经理）" },
        { role: "OWNERS_COMMITTEE", name: "沙市花园小区业主委员会" },
        { role: "OTHER", name: "监督委员会" },
      ],
      recordSource: `${GARDEN}；会议日期与议程为示意`,
    },
    author,
  );
  await decideTopic(tx, await findTopic(tx, parking.id), {
    decision: "冬季每日 9:00—21:00 开放，物业负责开关门和保洁",
    on: "2026-11-16",
    meetingNumber: meeting.id,
  });
}
