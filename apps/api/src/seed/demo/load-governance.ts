import type { ChangeAuthor } from "../../changes/apply-change.js";
import type { DbClient } from "../../db/database.js";
import { createGridRegion, setGridArea } from "../../governance/grid-regions.service.js";
import { addTeamMembers, createMember, createTeam } from "../../governance/members.service.js";
import { collectNeed, findNeed, moveNeed } from "../../governance/needs.service.js";
import { recordService, scoreMember } from "../../governance/service-cards.service.js";
import type { DemoGovernance } from "./governance.js";
import { demoRegionCode } from "./regions.js";

/** The demo's community service, through the same services as the API's mutations. */
export async function loadGovernance(tx: DbClient, data: DemoGovernance, author: ChangeAuthor): Promise<void> {
  for (const unit of data.units) {
    const region = await tx.region.findUniqueOrThrow({ where: { code: demoRegionCode(unit.region) } });
    await tx.organization.create({ data: { name: unit.name, kind: unit.kind, regionId: region.id } });
  }

  // Regions below a community are named by their path from it: 黄家塘社区/第三片区/16栋.
  const regionCodes = new Map<string, string>();
  const codeOf = (name: string) => regionCodes.get(name) ?? demoRegionCode(name);
  for (const area of data.areas) {
    const created = await createGridRegion(tx, {
      parentCode: demoRegionCode(area.community),
      kind: "AREA",
      nameZh: area.nameZh,
      nameEn: area.nameEn,
      households: area.households,
      entrances: area.entrances,
    });
    const areaPath = `${area.community}/${area.nameZh}`;
    regionCodes.set(areaPath, created.code);
    for (let number = 1; number <= area.buildings; number++) {
      const building = await createGridRegion(tx, {
        parentCode: created.code,
        kind: "BUILDING",
        nameZh: `${number}栋`,
        nameEn: `Building ${number}`,
      });
      regionCodes.set(`${areaPath}/${number}栋`, building.code);
    }
  }

  const memberIds = new Map<string, number>();
  for (const { key, unit, region, commitment, ...member } of data.members) {
    const created = await createMember(tx, {
      ...member,
      unitName: unit,
      regionCode: codeOf(region),
      commitmentGoal: commitment?.goal,
      commitmentTime: commitment?.time,
      commitmentQuality: commitment?.quality,
    });
    memberIds.set(key, created.id);
  }
  const memberId = (key: string) => {
    const id = memberIds.get(key);
    if (id === undefined) throw new Error(`demo governance: no member ${key}`);
    return id;
  };

  for (const area of data.areas) {
    if (!area.leader) continue;
    await setGridArea(tx, {
      regionCode: codeOf(`${area.community}/${area.nameZh}`),
      households: area.households,
      entrances: area.entrances,
      leaderNumber: memberId(area.leader),
      source: area.source,
      sourceKind: area.sourceKind,
    });
  }

  const teamIds = new Map<string, number>();
  for (const team of data.teams) {
    const created = await createTeam(tx, {
      regionCode: codeOf(team.region),
      name: team.name,
      focus: team.focus,
      source: team.source,
      sourceKind: team.sourceKind,
    });
    const region = await tx.region.findUniqueOrThrow({ where: { id: created.regionId } });
    await addTeamMembers(tx, { ...created, region }, team.members.map(memberId));
    teamIds.set(team.name, created.id);
  }

  const needIds = new Map<string, number>();
  for (const { key, moves, region, ...need } of data.needs) {
    const created = await collectNeed(tx, { ...need, regionCode: codeOf(region) }, author);
    needIds.set(key, created.id);
    for (const { action, claimant, ...move } of moves) {
      const current = await findNeed(tx, created.id);
      await moveNeed(
        tx,
        current,
        action,
        {
          ...move,
          claimantMemberId: claimant && "member" in claimant ? memberId(claimant.member) : null,
          claimantTeamId: claimant && "team" in claimant ? teamIds.get(claimant.team) : null,
          claimantUnitName: claimant && "unit" in claimant ? claimant.unit : null,
        },
        author,
      );
    }
  }

  for (const service of data.services) {
    await recordService(
      tx,
      {
        memberId: memberId(service.member),
        servedOn: service.servedOn,
        hours: service.hours,
        description: service.description,
        needId: service.need ? needIds.get(service.need) : null,
      },
      author,
    );
  }
  for (const score of data.scores) {
    await scoreMember(
      tx,
      { memberId: memberId(score.member), month: score.month, score: score.score, comment: score.comment },
      author,
    );
  }
}
