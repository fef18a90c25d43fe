import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, scorecardValues, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import type { Region } from "../generated/prisma/client.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
let analyst: Authenticated;
/** Staff of 凤鸣社区, and of 黄家塘社区 (another community, in another district). */
let fengming: Authenticated;
let elsewhere: Authenticated;
const DAY = 86_400_000;
const today = chinaToday();
const daysAgo = (days: number) => isoDay(new Date(today.getTime() - days * DAY));

const grantedOn = (user: Authenticated, region: Region): Authenticated => ({
  ...user,
  user: { ...user.user, grants: [{ role: "EDITOR", region }] },
});

beforeAll(async () => {
  db = await openTestDatabase("demo");
  analyst = await demoUser(db.prisma, "jingzhou.analyst");
  const community = await db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode("凤鸣社区") } });
  const other = await db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode("黄家塘社区") } });
  fengming = grantedOn(analyst, community);
  elsewhere = grantedOn(analyst, other);
});
afterAll(async () => {
  await db?.close();
});

const TOPIC_FIELDS =
  "number status answerDue answer answeredOn answeredInTime overdueDays satisfaction closedOn meeting { title }";
interface Topic {
  number: number;
  status: string;
  answerDue: string | null;
  answer: string | null;
  answeredOn: string | null;
  answeredInTime: boolean | null;
  overdueDays: number | null;
  satisfaction: string | null;
  closedOn: string | null;
  meeting: { title: string } | null;
}
const RAISE = `mutation ($input: RaiseConsultationTopicInput!) { raiseConsultationTopic(input: $input) { ${TOPIC_FIELDS} } }`;
const DECIDE = `mutation ($topic: Int!, $decision: String!, $on: Date, $meeting: Int) {
  decideConsultationTopic(topicNumber: $topic, decision: $decision, on: $on, meetingNumber: $meeting) { ${TOPIC_FIELDS} } }`;
const FOLLOW_UP = `mutation ($topic: Int!, $followUp: String!, $satisfaction: Satisfaction!) {
  followUpConsultationTopic(topicNumber: $topic, followUp: $followUp, satisfaction: $satisfaction) { ${TOPIC_FIELDS} } }`;
const HOLD = `mutation ($input: HoldConsultationMeetingInput!) { holdConsultationMeeting(input: $input) { number kind participants { role name } } }`;

async function raise(as: Authenticated, input: Record<string, unknown>): Promise<Topic> {
  const data = await runGraphql<{ raiseConsultationTopic: Topic }>(
    db.prisma,
    RAISE,
    {
      input: {
        regionCode: demoRegionCode("凤鸣社区"),
        kind: "ISSUE",
        title: "小区车辆乱停放",
        raisedBy: "居民代表",
        channel: "VISIT",
        ...input,
      },
    },
    { as },
  );
  return data.raiseConsultationTopic;
}

describe("a consultation topic", () => {
  it("answered on the spot is answered in time and needs only its follow-up", async () => {
    const topic = await raise(fengming, { title: "路灯不亮", answer: "已报修，今晚修复" });
    expect(topic).toMatchObject({ status: "ANSWERED", answerDue: null, answeredInTime: true, answeredOn: isoDay(today) });
    const { followUpConsultationTopic: closed } = await runGraphql<{ followUpConsultationTopic: Topic }>(
      db.prisma,
      FOLLOW_UP,
      { topic: topic.number, followUp: "路灯已亮", satisfaction: "SATISFIED" },
      { as: fengming },
    );
    expect(closed).toMatchObject({ status: "CLOSED", satisfaction: "SATISFIED" });
  });

  it("taken up gets a deadline, is decided at a three-party meeting of its community, and is followed up", async () => {
    const topic = await raise(fengming, { raisedOn: daysAgo(10) });
    expect(topic).toMatchObject({ status: "TAKEN_UP", answerDue: daysAgo(-5), overdueDays: null, answeredInTime: null });
    const { holdConsultationMeeting: meeting } = await runGraphql<{ holdConsultationMeeting: { number: number } }>(
      db.prisma,
      HOLD,
      {
        input: {
          regionCode: demoRegionCode("凤鸣社区"),
          kind: "THREE_PARTY",
          title: "十一月三方联席会议",
          heldOn: daysAgo(2),
          participants: [
            { role: "COMMUNITY", name: "社区书记" },
            { role: "PROPERTY_COMPANY", name: "物业经理" },
            { role: "OWNERS_COMMITTEE", name: "业委会主任" },
          ],
        },
      },
      { as: fengming },
    );
    const { decideConsultationTopic: decided } = await runGraphql<{ decideConsultationTopic: Topic }>(
      db.prisma,
      DECIDE,
      { topic: topic.number, decision: "划定临时停车位，物业每晚巡查", on: daysAgo(1), meeting: meeting.number },
      { as: fengming },
    );
    expect(decided).toMatchObject({ status: "DECIDED", answeredInTime: true, meeting: { title: "十一月三方联席会议" } });
    const again = await tryGraphql(db.prisma, DECIDE, { topic: topic.number, decision: "再议" }, fengming);
    expect(again).toMatchObject({ code: "CONFLICT", issues: ["topicNumber"] });
    expect(again.zh?.message).toBe("议题已形成决议：只有纳入协商的议题才能形成决议");
    const { followUpConsultationTopic: closed } = await runGraphql<{ followUpConsultationTopic: Topic }>(
      db.prisma,
      FOLLOW_UP,
      { topic: topic.number, followUp: "乱停放明显减少", satisfaction: "FAIRLY_SATISFIED" },
      { as: fengming },
    );
    expect(closed.status).toBe("CLOSED");
  });

  it("refuses bad topics and meetings by field, in Chinese, and another community's meeting", async () => {
    const bad = await tryGraphql(
      db.prisma,
      RAISE,
      {
        input: {
          regionCode: demoRegionCode("郢城镇"),
          kind: "ISSUE",
          title: " ",
          raisedBy: "居民",
          channel: "VISIT",
          raisedOn: "2999-01-01",
          answer: "马上办",
          answerDue: "2999-02-01",
        },
      },
      fengming,
    );
    expect(bad.issues).toEqual(expect.arrayContaining(["regionCode", "title", "raisedOn", "answerDue"]));
    expect(bad.zh?.issues.answerDue).toBe("已现场答复的议题不需要答复期限（期限只给纳入协商、限时反馈的议题）");
    const twoParties = await tryGraphql(
      db.prisma,
      HOLD,
      {
        input: {
          regionCode: demoRegionCode("凤鸣社区"),
          kind: "THREE_PARTY",
          title: "联席会",
          participants: [
            { role: "COMMUNITY", name: "社区" },
            { role: "OWNERS_COMMITTEE", name: "业委会" },
          ],
        },
      },
      fengming,
    );
    expect(twoParties.issues).toEqual(["participants"]);
    expect(twoParties.zh?.issues.participants).toBe("三方联席会议须有社区、物业公司、业主委员会三方参加，还缺物业公司");
    const { holdConsultationMeeting: theirs } = await runGraphql<{ holdConsultationMeeting: { number: number } }>(
      db.prisma,
      HOLD,
      {
        input: {
          regionCode: demoRegionCode("黄家塘社区"),
          kind: "RESIDENTS",
          title: "居民议事会",
          participants: [
            { role: "COMMUNITY", name: "社区" },
            { role: "RESIDENT", name: "居民代表 5 人" },
          ],
        },
      },
      { as: elsewhere },
    );
    const topic = await raise(fengming, {});
    const wrongMeeting = await tryGraphql(
      db.prisma,
      DECIDE,
      { topic: topic.number, decision: "x", meeting: theirs.number },
      fengming,
    );
    expect(wrongMeeting.issues).toEqual(["meetingNumber"]);
    // Another community's staff do not even see 凤鸣社区's topic, let alone move it.
    const outsider = await tryGraphql(db.prisma, DECIDE, { topic: topic.number, decision: "x" }, elsewhere);
    expect(outsider.issues).toEqual(["topicNumber"]);
    expect(outsider.zh?.issues.topicNumber).toBe(`没有编号为 ${topic.number} 的协商议题`);
    expect((await db.prisma.consultationTopic.findUniqueOrThrow({ where: { id: topic.number } })).status).toBe("TAKEN_UP");
  });
});

describe("consultation figures and alerts", () => {
  it("raises a topic past its deadline unanswered, and counts topics answered in time as computed", async () => {
    const late = await raise(fengming, { title: "噪音扰民", raisedOn: daysAgo(30), answerDue: daysAgo(20) });
    expect(late.overdueDays).toBe(20);
    const asOf = isoDay(today);
    const data = await runGraphql<{
      region: {
        alerts: { items: { severity: string; value: string; summary: string; subject: { kind: string; code: string } }[] };
      };
    }>(
      db.prisma,
      `query ($code: String!, $asOf: Date!) { region(code: $code) { alerts(asOf: $asOf, rules: [ANSWER_OVERDUE], first: 100) {
         items { severity value summary subject { kind code } } } } }`,
      { code: demoRegionCode("郢城镇"), asOf },
      { as: analyst },
    );
    const alert = data.region.alerts.items.find((item) => item.subject.code === String(late.number));
    expect(alert).toEqual({
      severity: "RED",
      value: "20",
      summary: `居民代表提出，应于 ${daysAgo(20)} 前答复，已逾期 20 天`,
      subject: { kind: "TOPIC", code: String(late.number) },
    });

    // Worked out again from the records here, for the year each topic was raised.
    const district = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
    const year = daysAgo(30).slice(0, 4);
    const value = await scorecardValues(db.prisma, district.code, year, analyst);
    const topics = (await db.prisma.consultationTopic.findMany({ where: { region: { path: { has: district.id } } } })).filter(
      (t) => isoDay(t.raisedOn).startsWith(year),
    );
    const due = topics.filter((t) => t.answeredOn !== null || (t.answerDue !== null && t.answerDue < today));
    const inTime = due.filter((t) => t.answeredOn !== null && (t.answerDue === null || t.answeredOn <= t.answerDue));
    expect(due.length).toBeGreaterThan(inTime.length);
    expect(value("CT_TOPICS_RAISED")).toBe(topics.length);
    expect(value("CT_TOPICS_DUE")).toBe(due.length);
    expect(value("CT_ON_TIME_RATE")).toBeCloseTo((inTime.length / due.length) * 100, 1);
  });
});
