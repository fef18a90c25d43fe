import type { ChangeAuthor } from "../../changes/apply-change.js";
import type { DbClient } from "../../db/database.js";
import {
  addMediator,
  createMediationOrganization,
  escalateCase,
  findCase,
  openCase,
  takeStep,
} from "../../mediation/mediation.service.js";
import { ARTICLES, cite } from "./articles.js";
import { demoRegionCode } from "./regions.js";

/**
 * The demo's dispute mediation [seeds 002, 001]. Published: 马山镇's one-stop centre (一厅十室) and
 * its counts (14 organisations, 70+ mediators: typed as indicator values in jingzhou.ts), and the
 * fight between 郭某's and 王某's families that 王诗红, a village's auxiliary police officer, settled
 * on the spot in 李埠镇 (the article does not name the village: placed in 天鹅村, illustrative).
 * The organisations' names, the other mediators and the cases of 2026 are illustrative.
 */

const MASHAN_SOURCE = cite(ARTICLES.jingzhouBridging, "马山镇“一站式”矛盾调解中心，“一厅十室”，五步调解法");
const POLICE_SOURCE = cite(ARTICLES.jingzhouPolice);
const ILLUSTRATIVE = "示例数据（文章只给出总数，此记录为演示所设）";

export async function loadMediation(tx: DbClient, author: ChangeAuthor): Promise<void> {
  const centre = await createMediationOrganization(tx, {
    regionCode: demoRegionCode("马山镇"),
    name: "马山镇矛盾纠纷调解中心",
    level: "TOWN",
    source: MASHAN_SOURCE,
    sourceKind: "PUBLISHED",
  });
  const shuangdang = await createMediationOrganization(tx, {
    regionCode: demoRegionCode("双垱村"),
    name: "双垱村人民调解委员会",
    level: "VILLAGE",
    source: `${MASHAN_SOURCE}；14个基层调解组织之一，名称为示意`,
    sourceKind: "ILLUSTRATIVE",
  });
  const tiane = await createMediationOrganization(tx, {
    regionCode: demoRegionCode("天鹅村"),
    name: "天鹅村人民调解委员会（辅警工作室）",
    level: "VILLAGE",
    source: `${POLICE_SOURCE}；名称为示意`,
    sourceKind: "ILLUSTRATIVE",
  });
  await createMediationOrganization(tx, {
    regionCode: demoRegionCode("李埠镇"),
    name: "李埠镇矛盾纠纷调解中心",
    level: "TOWN",
    source: ILLUSTRATIVE,
    sourceKind: "ILLUSTRATIVE",
  });
  const wang = await addMediator(tx, {
    organizationId: tiane.id,
    name: "王诗红",
    kind: "POLICE_OFFICER",
    source: POLICE_SOURCE,
    sourceKind: "PUBLISHED",
  });
  for (const [name, kind] of [
    ["马山镇司法所调解员（示例）", "LEGAL_WORKER"],
    ["马山镇“五老”调解员（示例）", "FIVE_ELDERS"],
  ] as const) {
    await addMediator(tx, { organizationId: centre.id, name, kind, source: ILLUSTRATIVE, sourceKind: "ILLUSTRATIVE" });
  }
  const village = await addMediator(tx, {
    organizationId: shuangdang.id,
    name: "双垱村调解员（示例）",
    kind: "CADRE",
    source: ILLUSTRATIVE,
    sourceKind: "ILLUSTRATIVE",
  });

  // The 李埠镇 fight, as told: received, looked into, settled on the spot with the village cadres and
  // both families' elders; the follow-up visit is illustrative.
  const fight = await openCase(
    tx,
    {
      regionCode: demoRegionCode("天鹅村"),
      type: "NEIGHBOUR",
      summary: "郭某与王某因琐碎事发生口角，继而发生厮打，两家亲属赶来，气氛一度紧张",
      receivedOn: "2021-01-08",
      receivedByNumber: wang.id,
      parties: [
        { role: "APPLICANT", name: "郭某" },
        { role: "RESPONDENT", name: "王某" },
      ],
      recordSource: `${POLICE_SOURCE}；村名与日期为示意`,
    },
    author,
  );
  for (const [step, note] of [
    ["SCREENING", "接报警后就近迅速到达现场，劝导制止"],
    ["INVESTIGATION", "了解起因：琐碎事引发口角"],
    ["ANALYSIS", "发挥本村人优势，动员村干部和双方长辈协助"],
  ] as const) {
    await takeStep(tx, await findCase(tx, fight.id), { step, on: "2021-01-08", note }, author);
  }
  await takeStep(
    tx,
    await findCase(tx, fight.id),
    {
      step: "MEDIATION",
      on: "2021-01-08",
      outcome: "SETTLED",
      agreement: "双方认识到自己的错误，互相赔礼道歉，握手言和",
      note: "动之以情、晓之以理",
    },
    author,
  );
  await takeStep(
    tx,
    await findCase(tx, fight.id),
    { step: "FOLLOW_UP", on: "2021-02-05", note: "回访：两家关系和睦（示例）" },
    author,
  );

  // 2026, illustrative: 马山镇's board as a town's mediators would find it this winter.
  const land = await openCase(
    tx,
    {
      regionCode: demoRegionCode("双垱村"),
      type: "LAND",
      summary: "梨园地界争议，两户各执一词",
      receivedOn: "2026-09-12",
      receivedByNumber: village.id,
      parties: [
        { role: "APPLICANT", name: "刘某某", idNumber: "42100319700101123X" },
        { role: "RESPONDENT", name: "陈某某", idNumber: "421003197203022345" },
      ],
      recordSource: `${ILLUSTRATIVE}；身份证号为虚构`,
    },
    author,
  );
  await takeStep(tx, await findCase(tx, land.id), { step: "SCREENING", on: "2026-09-12" }, author);
  await takeStep(tx, await findCase(tx, land.id), { step: "INVESTIGATION", on: "2026-09-20", note: "现场查看地界" }, author);
  await escalateCase(
    tx,
    await findCase(tx, land.id),
    { organizationNumber: centre.id, reason: "涉及土地确权，村级难以化解", on: "2026-09-28" },
    author,
  );
  await takeStep(tx, await findCase(tx, land.id), { step: "ANALYSIS", on: "2026-10-10", note: "司法所、国土所联合研判" }, author);

  const debt = await openCase(
    tx,
    {
      regionCode: demoRegionCode("双垱村"),
      type: "DEBT",
      summary: "梨子收购款拖欠",
      receivedOn: "2026-10-05",
      parties: [
        { role: "APPLICANT", name: "张某某", idNumber: "421003198005051111" },
        { role: "RESPONDENT", name: "李某某", idNumber: "421003198106062222" },
      ],
      recordSource: `${ILLUSTRATIVE}；身份证号为虚构`,
    },
    author,
  );
  for (const step of ["SCREENING", "INVESTIGATION", "ANALYSIS"] as const) {
    await takeStep(tx, await findCase(tx, debt.id), { step, on: "2026-10-08" }, author);
  }
  await takeStep(
    tx,
    await findCase(tx, debt.id),
    { step: "MEDIATION", on: "2026-10-15", outcome: "SETTLED", agreement: "分两期付清收购款", followUpDue: "2026-11-14" },
    author,
  );

  const noise = await openCase(
    tx,
    {
      regionCode: demoRegionCode("双垱村"),
      type: "NEIGHBOUR",
      summary: "夜间机械作业噪音扰民",
      receivedOn: "2026-11-20",
      parties: [
        { role: "APPLICANT", name: "赵某" },
        { role: "RESPONDENT", name: "孙某" },
      ],
      recordSource: ILLUSTRATIVE,
    },
    author,
  );
  await takeStep(tx, await findCase(tx, noise.id), { step: "SCREENING", on: "2026-11-21" }, author);
}
