import type { ChangeAuthor } from "../../changes/apply-change.js";
import type { DbClient } from "../../db/database.js";
import { assignTask, findTask, noteProgress, recordMeeting, verifyTask } from "../../dispatch/dispatch.service.js";
import { ARTICLES, cite } from "./articles.js";
import { demoRegionCode } from "./regions.js";

/**
 * The third dispatch meeting of 荆州区's "下基层、察民情、解民忧、暖民心" campaign [seed 004], with
 * its decisions as tasks. Published: the meeting (it heard the work groups, reviewed the first two
 * stages, assigned the third: 回头看, the three lists, policies for firms, livelihood projects),
 * the district leaders present, and 朱翊's visit to 网新村, where he ordered the 谢古垸 irrigation
 * problem solved (a solution argued out and the project under way soon, the channels patrolled
 * and cleared). Illustrative: the dates (the article says 近日; placed in November 2026 so the
 * demo's tasks are live), the responsible units, the due dates and every progress note.
 */

const MEETING = cite(ARTICLES.dispatchMeeting);
const VISIT = cite(ARTICLES.leaderVisit);
const ILLUSTRATIVE = "；日期、责任单位、时限和进展为示例（文章未载）";

/** Units the tasks go to, besides the agriculture bureau the Jingzhou data already has. */
const UNITS = [
  { name: "荆州区党史学习教育领导小组办公室", kind: "GOVERNMENT_AGENCY", region: "荆州区" },
  { name: "荆州区水利和湖泊局", kind: "GOVERNMENT_AGENCY", region: "荆州区" },
  { name: "李埠镇人民政府", kind: "TOWNSHIP_GOVERNMENT", region: "李埠镇" },
] as const;

export async function loadDispatch(tx: DbClient, author: ChangeAuthor): Promise<void> {
  for (const unit of UNITS) {
    const region = await tx.region.findUniqueOrThrow({ where: { code: demoRegionCode(unit.region) } });
    await tx.organization.create({ data: { name: unit.name, kind: unit.kind, regionId: region.id } });
  }
  const meeting = await recordMeeting(
    tx,
    {
      regionCode: demoRegionCode("荆州区"),
      title: "全区党员干部下基层、察民情、解民忧、暖民心实践活动第三次调度会",
      heldOn: "2026-11-05",
      attendees: "区领导朱翊、王勇、袁菁穗、黄惊华；各工作组和专项活动牵头单位",
      minutes:
        "传达学习省委市委党史学习教育领导小组办公室系列文件精神，听取各工作组和专项活动牵头单位工作汇报，全面总结第一阶段和第二阶段工作，安排部署第三阶段工作。会议从全面开展“回头看”、强化“三张清单”管理、持续落实惠企政策、大力推进民生项目、强化统筹协调、强化典型引路、强化督导检查等方面，对下一步工作进行具体安排。",
      recordSource: `${MEETING}；会议日期为示例`,
    },
    author,
  );
  const task = (input: Omit<Parameters<typeof assignTask>[1], "meetingNumber">) =>
    assignTask(tx, { meetingNumber: meeting.id, ...input }, author);
  /** A dated note on a task, from the task as it stands (its version moves with each note). */
  const note = async (id: number, text: string, on: string, done = false) =>
    noteProgress(tx, await findTask(tx, id), { text, on, done }, author);

  // Done and verified: the look back over the first two stages.
  const lookBack = await task({
    title: "全面开展“回头看”，逐项复核第一、二阶段“三张清单”落实情况",
    subjectKind: "REGION",
    subjectCode: demoRegionCode("荆州区"),
    unitName: "荆州区党史学习教育领导小组办公室",
    lead: "朱翊",
    dueOn: "2026-11-20",
    recordSource: MEETING + ILLUSTRATIVE,
  });
  await note(lookBack.id, "各工作组完成自查，形成问题清单 12 条（示例）", "2026-11-12");
  await note(lookBack.id, "12 条问题均已整改，报送复核报告（示例）", "2026-11-18", true);
  await verifyTask(tx, await findTask(tx, lookBack.id), { note: "抽查 5 个村，整改属实（示例）", on: "2026-11-25" }, author);

  // In progress: the 谢古垸 irrigation problem the leader ordered solved.
  const irrigation = await task({
    title: "解决谢古垸农业灌溉用水问题：科学论证解决方案，确保项目尽快落地实施",
    detail: "谢古垸农业灌溉用水问题涉及土地广，要科学论证解决方案，确保项目尽快落地实施，满足群众灌溉用水需求。",
    subjectKind: "REGION",
    subjectCode: demoRegionCode("网新村"),
    unitName: "荆州区水利和湖泊局",
    lead: "朱翊",
    dueOn: "2026-12-31",
    recordSource: VISIT + ILLUSTRATIVE,
  });
  await note(irrigation.id, "现场踏勘谢古垸，提出泵站提水、渠道疏挖两套方案（示例）", "2026-11-12");
  await note(irrigation.id, "召开方案论证会，推荐渠道疏挖方案，报区政府审定（示例）", "2026-11-26");

  // Overdue: the channel patrols, due before the month was out.
  const patrols = await task({
    title: "加强渠道巡查，及时清理渠内阻水物，避免拦水、堵水",
    subjectKind: "REGION",
    subjectCode: demoRegionCode("李埠镇"),
    unitName: "李埠镇人民政府",
    lead: "李埠镇分管副镇长",
    dueOn: "2026-11-25",
    recordSource: VISIT + ILLUSTRATIVE,
  });
  await note(patrols.id, "已安排网新村、天鹅村干部巡渠（示例）", "2026-11-15");

  // A livelihood project of the district, on the project's own page.
  await task({
    title: "天鹅村三角洲排涝工程：汛前完成泵站检修，排灌两用",
    subjectKind: "PROJECT",
    subjectCode: "JZQ-SL-TEPL",
    unitName: "荆州区农业农村局",
    lead: "王勇",
    dueOn: "2027-03-31",
    recordSource: MEETING + ILLUSTRATIVE,
  });
}
