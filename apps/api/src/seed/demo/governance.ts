import type { OrganizationKind, SourceKind } from "../../generated/prisma/enums.js";
import type { NeedMove } from "../../governance/needs.service.js";
import { ARTICLES, cite } from "./articles.js";

/**
 * The demo's community service [seeds 000, 001, 003, 004]. What the articles publish is kept as
 * published: 三湾路社区's 四点半课堂 claimed by the members' service team (党员服务队) in summer
 * 2020, 田培广's electric fan and the two other households' appliances claimed by 区委机关综合党总支,
 * 黄家塘社区's third area (25 buildings, 80 entrances, 1,128 households) led by 李俊 since he
 * reported in February 2020. The articles give counts, not rosters: every other member, card,
 * score and the needs of 2026 are illustrative, and their `source` says so.
 */

const ILLUSTRATIVE = "示例数据（文章只给出总数，此记录为演示所设）";
const illustrative = (note: string) => `${ILLUSTRATIVE}：${note}`;

export interface DemoMember {
  /** How the dataset refers to the member. */
  key: string;
  name: string;
  unit: string;
  /** The community's or area's name (areas are "黄家塘社区/第三片区"). */
  region: string;
  reportedOn: string;
  trade?: string;
  skills?: string;
  offer?: string;
  roles: string[];
  commitment?: { goal: string; time: string; quality: string };
  source: string;
  sourceKind: SourceKind;
}

export interface DemoNeedMove {
  action: NeedMove;
  on: string;
  claimant?: { member: string } | { team: string } | { unit: string };
  dueOn?: string;
  outcome?: string;
  paidBy?: string;
  actualCost?: string;
  note?: string;
  projectName?: string;
}

export interface DemoNeed {
  key: string;
  kind: "NEED" | "WISH";
  region: string;
  title: string;
  description?: string;
  category: string;
  source: "VISIT" | "FORUM" | "SURVEY" | "HOTLINE";
  urgency?: "LOW" | "NORMAL" | "URGENT";
  residentName?: string;
  residentPhone?: string;
  raisedOn: string;
  projectName?: string;
  households?: number;
  recordSource: string;
  moves: DemoNeedMove[];
}

export interface DemoGovernance {
  units: { name: string; kind: OrganizationKind; region: string }[];
  areas: {
    community: string;
    nameZh: string;
    nameEn: string;
    households: number;
    entrances: number;
    buildings: number;
    leader?: string;
    source: string;
    sourceKind: SourceKind;
  }[];
  members: DemoMember[];
  teams: { region: string; name: string; focus: string; members: string[]; source: string; sourceKind: SourceKind }[];
  needs: DemoNeed[];
  services: { member: string; servedOn: string; hours: string; description: string; need?: string }[];
  scores: { member: string; month: string; score: number; comment?: string }[];
}

const ZONE_SOURCE = cite(ARTICLES.developmentZone);
const WISH_SOURCE = cite(ARTICLES.microWish, "文章未载年份，日期按2022年示意");
const LIJUN_SOURCE = cite(ARTICLES.lijun);

const SANWANLU = "三湾路社区";
const YINGBIN = "迎宾社区";
const HUANGJIATANG = "黄家塘社区";
const THIRD_AREA = "黄家塘社区/第三片区";
const EMERGENCY = "荆州开发区应急服务中心";
const POLITICS_LAW = "荆州开发区政法委";
const PARTY_BRANCH = "荆州区委机关综合党总支";

/** Three illustrative months of cards for each 三湾路社区 member: the months before the demo's 2026-12. */
const CARD_MONTHS = ["2026-09", "2026-10", "2026-11"];

export const DEMO_GOVERNANCE: DemoGovernance = {
  units: [
    { name: EMERGENCY, kind: "GOVERNMENT_AGENCY", region: "荆州经济技术开发区" },
    { name: POLITICS_LAW, kind: "GOVERNMENT_AGENCY", region: "荆州经济技术开发区" },
    { name: PARTY_BRANCH, kind: "OTHER", region: "荆州区" },
    { name: "沙市区税务局", kind: "GOVERNMENT_AGENCY", region: "沙市区" },
  ],
  areas: [
    {
      community: HUANGJIATANG,
      nameZh: "第三片区",
      nameEn: "Area 3",
      households: 1128,
      entrances: 80,
      buildings: 25,
      leader: "lijun",
      source: `${LIJUN_SOURCE}；楼栋编号为示意`,
      sourceKind: "PUBLISHED",
    },
  ],
  members: [
    {
      key: "lijun",
      name: "李俊",
      unit: "沙市区税务局",
      region: THIRD_AREA,
      reportedOn: "2020-02-03",
      trade: "税务",
      skills: "居民数据“一口清”，统筹值班值守、物资采购",
      offer: "抗疫、抗洪、人口普查、治安巡逻",
      roles: ["SAFETY_OFFICER", "INFORMANT"],
      commitment: { goal: "片区居民有事找得到人", time: "随叫随到", quality: "当天回应，办结回访" },
      source: `${LIJUN_SOURCE}；报到日期按“2月3日”起参加防控计`,
      sourceKind: "PUBLISHED",
    },
    {
      key: "liuyang",
      name: "刘洋",
      unit: EMERGENCY,
      region: SANWANLU,
      reportedOn: "2020-06-15",
      trade: "应急管理",
      skills: "安全生产、应急知识宣讲",
      offer: "为老年居民普及安全生产和应急知识",
      roles: ["PROPAGANDIST", "SAFETY_OFFICER"],
      commitment: { goal: "每月一次安全宣讲", time: "每月第一个周六", quality: "居民知晓率九成以上" },
      source: illustrative(`${ZONE_SOURCE}：应急服务中心党员下沉宣传应急知识`),
      sourceKind: "ILLUSTRATIVE",
    },
    {
      key: "chenjing",
      name: "陈静",
      unit: EMERGENCY,
      region: SANWANLU,
      reportedOn: "2020-06-15",
      trade: "教育培训",
      skills: "青少年辅导、信息技术",
      offer: "四点半课堂授课、未成年人教育",
      roles: ["TRAINER", "EXEMPLAR"],
      source: illustrative(ZONE_SOURCE),
      sourceKind: "ILLUSTRATIVE",
    },
    {
      key: "zhaolei",
      name: "赵磊",
      unit: POLITICS_LAW,
      region: SANWANLU,
      reportedOn: "2020-06-20",
      trade: "政法",
      skills: "信访调处、法律咨询",
      offer: "上门化解信访案件，居民足不出户解决问题",
      roles: ["ADVISER", "SAFETY_OFFICER"],
      source: illustrative(`${ZONE_SOURCE}：政法委党员干部主动上门化解信访案件`),
      sourceKind: "ILLUSTRATIVE",
    },
    {
      key: "sunli",
      name: "孙丽",
      unit: POLITICS_LAW,
      region: SANWANLU,
      reportedOn: "2020-06-20",
      trade: "政法",
      skills: "图书募集、结对帮扶",
      offer: "青少年图书捐赠、困难家庭帮扶",
      roles: ["HELPER", "PROMOTER"],
      source: illustrative(ZONE_SOURCE),
      sourceKind: "ILLUSTRATIVE",
    },
    {
      key: "wangfang",
      name: "王芳",
      unit: PARTY_BRANCH,
      region: YINGBIN,
      reportedOn: "2022-03-01",
      trade: "机关",
      skills: "入户走访、困难群众帮扶",
      offer: "收集和认领微心愿",
      roles: ["HELPER", "INFORMANT"],
      source: illustrative(WISH_SOURCE),
      sourceKind: "ILLUSTRATIVE",
    },
  ],
  teams: [
    {
      region: SANWANLU,
      name: "党员服务队",
      focus: "认领服务、定点服务、结对服务",
      members: ["liuyang", "chenjing", "zhaolei", "sunli"],
      source: `${ZONE_SOURCE}；队员为示意`,
      sourceKind: "PUBLISHED",
    },
  ],
  needs: [
    {
      key: "after-school",
      kind: "NEED",
      region: SANWANLU,
      title: "暑期孩子无人看管",
      description: "暑期双职工家庭孩子无人看管；社区服务中心有场地，有志愿者和下沉党员",
      category: "CHILDREN",
      source: "FORUM",
      raisedOn: "2020-06-28",
      projectName: "四点半课堂",
      recordSource: `${ZONE_SOURCE}；日期为示意`,
      moves: [
        { action: "CLAIM", on: "2020-07-01", claimant: { team: "党员服务队" }, dueOn: "2020-07-13" },
        { action: "START", on: "2020-07-06" },
        {
          action: "FINISH",
          on: "2020-07-13",
          outcome: "“四点半课堂”开课：文明创建知识竞赛、交通安全知识宣教、传统中医知识讲座、少儿书画比赛，延续至今",
        },
        { action: "CONFIRM", on: "2020-08-31" },
      ],
    },
    {
      key: "minors",
      kind: "NEED",
      region: SANWANLU,
      title: "未成年人教育",
      category: "CHILDREN",
      source: "FORUM",
      raisedOn: "2020-06-28",
      projectName: "四点半课堂",
      recordSource: `${ZONE_SOURCE}；日期为示意`,
      moves: [
        { action: "CLAIM", on: "2020-07-01", claimant: { member: "chenjing" }, dueOn: "2020-08-31" },
        { action: "FINISH", on: "2020-08-28", outcome: "每周二、四在四点半课堂辅导作业" },
        { action: "CONFIRM", on: "2020-08-31" },
      ],
    },
    {
      key: "books",
      kind: "NEED",
      region: SANWANLU,
      title: "青少年图书捐赠",
      category: "CULTURE",
      source: "FORUM",
      raisedOn: "2020-06-28",
      projectName: "四点半课堂",
      recordSource: `${ZONE_SOURCE}；日期为示意`,
      moves: [
        { action: "CLAIM", on: "2020-07-01", claimant: { member: "sunli" }, dueOn: "2020-07-31" },
        { action: "FINISH", on: "2020-07-20", outcome: "募集青少年图书，设立课堂图书角" },
        { action: "CONFIRM", on: "2020-08-31" },
      ],
    },
    {
      key: "fan",
      kind: "WISH",
      region: YINGBIN,
      title: "想要一台电风扇",
      description: "80岁，与老伴同住，年老体弱多病、行动不便，夏季高温",
      category: "HARDSHIP",
      source: "VISIT",
      urgency: "URGENT",
      residentName: "田培广",
      residentPhone: "13800000101",
      raisedOn: "2022-07-05",
      households: 1,
      recordSource: `${WISH_SOURCE}；电话为虚构`,
      moves: [
        { action: "CLAIM", on: "2022-07-06", claimant: { unit: PARTY_BRANCH }, dueOn: "2022-07-15" },
        {
          action: "FINISH",
          on: "2022-07-13",
          outcome: "7月13日上午送上电风扇",
          paidBy: "区委机关综合党总支党员干部捐款（3户共筹集1000多元）",
        },
        { action: "CONFIRM", on: "2022-07-13" },
      ],
    },
    {
      key: "fridge",
      kind: "WISH",
      region: YINGBIN,
      title: "想要一台冰箱",
      category: "HARDSHIP",
      source: "VISIT",
      residentName: "困难家庭（文章未具名）",
      raisedOn: "2022-07-05",
      households: 1,
      recordSource: WISH_SOURCE,
      moves: [
        { action: "CLAIM", on: "2022-07-06", claimant: { unit: PARTY_BRANCH }, dueOn: "2022-07-15" },
        {
          action: "FINISH",
          on: "2022-07-13",
          outcome: "送上冰箱",
          paidBy: "区委机关综合党总支党员干部捐款（3户共筹集1000多元）",
        },
        { action: "CONFIRM", on: "2022-07-13" },
      ],
    },
    {
      key: "tv",
      kind: "WISH",
      region: YINGBIN,
      title: "想要一台电视机",
      category: "HARDSHIP",
      source: "VISIT",
      residentName: "困难家庭（文章未具名）",
      raisedOn: "2022-07-05",
      households: 1,
      recordSource: WISH_SOURCE,
      moves: [
        { action: "CLAIM", on: "2022-07-06", claimant: { unit: PARTY_BRANCH }, dueOn: "2022-07-15" },
        {
          action: "FINISH",
          on: "2022-07-13",
          outcome: "送上电视机",
          paidBy: "区委机关综合党总支党员干部捐款（3户共筹集1000多元）",
        },
        { action: "CONFIRM", on: "2022-07-13" },
      ],
    },
    {
      key: "medicine",
      kind: "NEED",
      region: `${THIRD_AREA}/16栋`,
      title: "16栋二单元张婆婆的常备药用完了",
      description: "老人孤身在家",
      category: "HEALTH",
      source: "HOTLINE",
      urgency: "URGENT",
      residentName: "张婆婆",
      residentPhone: "13800000216",
      raisedOn: "2020-07-08",
      recordSource: `${LIJUN_SOURCE}；日期为示意，电话为虚构`,
      moves: [
        { action: "CLAIM", on: "2020-07-08", claimant: { member: "lijun" }, dueOn: "2020-07-08" },
        { action: "FINISH", on: "2020-07-08", outcome: "当天买药送上门" },
        { action: "CONFIRM", on: "2020-07-09" },
      ],
    },
    {
      key: "waterlogging",
      kind: "NEED",
      region: `${THIRD_AREA}/15栋`,
      title: "15栋楼下渍水两天，居民出行不便",
      category: "ENVIRONMENT",
      source: "HOTLINE",
      raisedOn: "2020-07-08",
      recordSource: `${LIJUN_SOURCE}；日期为示意`,
      moves: [
        { action: "CLAIM", on: "2020-07-08", claimant: { member: "lijun" }, dueOn: "2020-07-10" },
        { action: "FINISH", on: "2020-07-09", outcome: "协调排水，清除渍水" },
        { action: "CONFIRM", on: "2020-07-10" },
      ],
    },
    // 2026, illustrative: the lists as a community secretary would find them this winter.
    {
      key: "stair-lights",
      kind: "NEED",
      region: SANWANLU,
      title: "老旧小区楼道灯损坏，老人夜间上下楼不便",
      category: "INFRASTRUCTURE",
      source: "VISIT",
      residentName: "居民李女士",
      residentPhone: "13800000311",
      raisedOn: "2026-10-20",
      recordSource: illustrative("电话为虚构"),
      moves: [
        { action: "CLAIM", on: "2026-10-25", claimant: { member: "liuyang" }, dueOn: "2026-11-20" },
        { action: "START", on: "2026-11-02" },
      ],
    },
    {
      key: "safety-talk",
      kind: "NEED",
      region: SANWANLU,
      title: "老年居民安全生产和应急知识宣讲",
      category: "SAFETY",
      source: "SURVEY",
      raisedOn: "2026-09-05",
      recordSource: illustrative(ZONE_SOURCE),
      moves: [
        { action: "CLAIM", on: "2026-09-08", claimant: { member: "liuyang" }, dueOn: "2026-10-31" },
        { action: "FINISH", on: "2026-10-10", outcome: "两场宣讲，发放应急手册 120 份" },
        { action: "CONFIRM", on: "2026-10-15" },
      ],
    },
    {
      key: "petition",
      kind: "NEED",
      region: SANWANLU,
      title: "邻里漏水纠纷多次信访，希望上门调处",
      category: "LEGAL",
      source: "HOTLINE",
      urgency: "URGENT",
      residentName: "居民周先生",
      residentPhone: "13800000312",
      raisedOn: "2026-11-10",
      recordSource: illustrative("电话为虚构"),
      moves: [{ action: "CLAIM", on: "2026-11-12", claimant: { member: "zhaolei" }, dueOn: "2026-12-20" }],
    },
    {
      key: "fitness",
      kind: "NEED",
      region: SANWANLU,
      title: "小区健身器材损坏，需要维修更换",
      category: "INFRASTRUCTURE",
      source: "VISIT",
      raisedOn: "2026-11-18",
      recordSource: illustrative("待认领"),
      moves: [],
    },
    {
      key: "bath-chair",
      kind: "WISH",
      region: YINGBIN,
      title: "想要一把助浴椅",
      description: "独居老人，洗澡时站立困难",
      category: "ELDERLY_CARE",
      source: "VISIT",
      residentName: "独居老人（示例）",
      residentPhone: "13800000102",
      raisedOn: "2026-11-22",
      households: 1,
      recordSource: illustrative("电话为虚构"),
      moves: [],
    },
  ],
  services: [
    { member: "lijun", servedOn: "2020-07-08", hours: "2", description: "为16栋张婆婆买药送药", need: "medicine" },
    { member: "lijun", servedOn: "2020-07-09", hours: "3", description: "协调排除15栋楼下渍水", need: "waterlogging" },
    { member: "wangfang", servedOn: "2026-11-22", hours: "2", description: "入户走访独居老人，收集微心愿", need: "bath-chair" },
    ...CARD_MONTHS.flatMap((month, index) => [
      { member: "liuyang", servedOn: `${month}-06`, hours: "3", description: "四点半课堂安全知识课" },
      { member: "chenjing", servedOn: `${month}-08`, hours: "4", description: "四点半课堂作业辅导" },
      { member: "chenjing", servedOn: `${month}-22`, hours: "3.5", description: "四点半课堂少儿书画" },
      { member: "zhaolei", servedOn: `${month}-15`, hours: index === 2 ? "1.5" : "2", description: "上门化解邻里矛盾" },
      { member: "sunli", servedOn: `${month}-12`, hours: "2.5", description: "结对帮扶困难家庭" },
    ]),
    { member: "liuyang", servedOn: "2026-10-10", hours: "4", description: "老年居民安全生产和应急知识宣讲", need: "safety-talk" },
  ],
  scores: [
    ...CARD_MONTHS.flatMap((month, index) => [
      { member: "liuyang", month, score: [92, 95, 86][index]!, comment: index === 2 ? "楼道灯维修逾期，请抓紧" : undefined },
      { member: "chenjing", month, score: [96, 94, 95][index]! },
      { member: "zhaolei", month, score: [84, 82, 76][index]!, comment: index === 2 ? "本月服务时长偏少" : undefined },
      { member: "sunli", month, score: [88, 90, 91][index]! },
    ]),
  ],
};
