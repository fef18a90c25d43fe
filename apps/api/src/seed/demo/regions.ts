import type { CreateRegionInput } from "../../regions/regions.service.js";

/**
 * The demo's administrative tree: the regions the source articles name, under their real
 * provinces and prefectures. Province, prefecture and county codes are the official 统计用区划代码;
 * the articles give no codes for towns and villages, so theirs are generated in the same shape
 * (county + 3-digit town + 3-digit village, 镇 from 100, 乡 from 200, 街道 from 001, 村 from
 * 200, 社区 from 001, as the national scheme numbers them) and flagged codeIsOfficial = false.
 */
interface TreeNode {
  code?: string;
  level: CreateRegionInput["level"];
  kind: CreateRegionInput["kind"];
  nameZh: string;
  nameEn: string;
  children?: TreeNode[];
}

const town = (
  kind: "TOWN" | "TOWNSHIP" | "ETHNIC_TOWNSHIP" | "SUBDISTRICT",
  nameZh: string,
  nameEn: string,
  children: TreeNode[] = [],
): TreeNode => ({
  level: "TOWNSHIP",
  kind,
  nameZh,
  nameEn,
  children,
});
const village = (nameZh: string, nameEn: string): TreeNode => ({ level: "VILLAGE", kind: "VILLAGE", nameZh, nameEn });
const community = (nameZh: string, nameEn: string): TreeNode => ({ level: "VILLAGE", kind: "COMMUNITY", nameZh, nameEn });

const DEMO_TREE: TreeNode[] = [
  {
    code: "520000000000",
    level: "PROVINCE",
    kind: "PROVINCE",
    nameZh: "贵州省",
    nameEn: "Guizhou Province",
    children: [
      {
        code: "522600000000",
        level: "PREFECTURE",
        kind: "AUTONOMOUS_PREFECTURE",
        nameZh: "黔东南苗族侗族自治州",
        nameEn: "Qiandongnan Miao and Dong Autonomous Prefecture",
        children: [
          {
            code: "522626000000",
            level: "COUNTY",
            kind: "COUNTY",
            nameZh: "岑巩县",
            nameEn: "Cengong County",
            children: [
              // 灞水街道: named by the vaccination article [seeds/003], the twelfth of "12个乡镇（街道）".
              town("SUBDISTRICT", "灞水街道", "Bashui Subdistrict"),
              town("TOWN", "思旸镇", "Siyang Town"),
              town("TOWN", "水尾镇", "Shuiwei Town"),
              town("TOWN", "天马镇", "Tianma Town"),
              town("TOWN", "龙田镇", "Longtian Town"),
              town("TOWN", "大有镇", "Dayou Town"),
              town("TOWN", "注溪镇", "Zhuxi Town"),
              town("TOWN", "凯本镇", "Kaiben Town"),
              town("TOWN", "平庄镇", "Pingzhuang Town", [village("背鹅村", "Bei'e Village")]),
              town("TOWN", "客楼镇", "Kelou Town"),
              town("ETHNIC_TOWNSHIP", "羊桥土家族乡", "Yangqiao Tujia Ethnic Township"),
              town("TOWNSHIP", "天星乡", "Tianxing Township"),
            ],
          },
        ],
      },
    ],
  },
  {
    code: "420000000000",
    level: "PROVINCE",
    kind: "PROVINCE",
    nameZh: "湖北省",
    nameEn: "Hubei Province",
    children: [
      {
        code: "421000000000",
        level: "PREFECTURE",
        kind: "PREFECTURE_CITY",
        nameZh: "荆州市",
        nameEn: "Jingzhou City",
        children: [
          {
            code: "421003000000",
            level: "COUNTY",
            kind: "DISTRICT",
            nameZh: "荆州区",
            nameEn: "Jingzhou District",
            children: [
              // 迎宾社区 [seed 004]: the article does not say its subdistrict; placed here as illustrative.
              town("SUBDISTRICT", "东城街道", "Dongcheng Subdistrict", [community("迎宾社区", "Yingbin Community")]),
              town("SUBDISTRICT", "西城街道", "Xicheng Subdistrict"),
              town("TOWN", "郢城镇", "Yingcheng Town", [community("凤鸣社区", "Fengming Community")]),
              town("TOWN", "川店镇", "Chuandian Town", [
                village("张新场村", "Zhangxinchang Village"),
                village("紫荆村", "Zijing Village"),
                village("双店村", "Shuangdian Village"),
                village("应市村", "Yingshi Village"),
              ]),
              town("TOWN", "马山镇", "Mashan Town", [village("双垱村", "Shuangdang Village")]),
              town("TOWN", "八岭山镇", "Balingshan Town", [village("新湾村", "Xinwan Village")]),
              town("TOWN", "李埠镇", "Libu Town", [village("网新村", "Wangxin Village"), village("天鹅村", "Tian'e Village")]),
              town("TOWN", "弥市镇", "Mishi Town"),
            ],
          },
          {
            code: "421088000000",
            level: "COUNTY",
            kind: "COUNTY_CITY",
            nameZh: "监利市",
            nameEn: "Jianli City",
            children: [
              town("TOWN", "黄歇口镇", "Huangxiekou Town", [village("吴桥村", "Wuqiao Village")]),
              town("TOWN", "新沟镇", "Xingou Town", [village("清水村", "Qingshui Village")]),
            ],
          },
          { code: "421087000000", level: "COUNTY", kind: "COUNTY_CITY", nameZh: "松滋市", nameEn: "Songzi City" },
          {
            code: "421071000000",
            level: "COUNTY",
            kind: "DEVELOPMENT_ZONE",
            nameZh: "荆州经济技术开发区",
            nameEn: "Jingzhou Economic and Technological Development Zone",
            // 三湾路社区 [seed 000]: its subdistrict is not in the article; placed under 联合街道 as illustrative.
            children: [town("SUBDISTRICT", "联合街道", "Lianhe Subdistrict", [community("三湾路社区", "Sanwanlu Community")])],
          },
          {
            code: "421002000000",
            level: "COUNTY",
            kind: "DISTRICT",
            nameZh: "沙市区",
            nameEn: "Shashi District",
            // 黄家塘社区 and 白云桥社区 [seed 001]: the article names the district only; the subdistricts
            // they are placed under are illustrative.
            children: [
              town("SUBDISTRICT", "胜利街道", "Shengli Subdistrict", [community("黄家塘社区", "Huangjiatang Community")]),
              town("SUBDISTRICT", "中山路街道", "Zhongshanlu Subdistrict", [community("白云桥社区", "Baiyunqiao Community")]),
              // 沙市花园小区 [seed 001] lies in 东苑社区 of 朝阳街道, as the article says.
              town("SUBDISTRICT", "朝阳街道", "Chaoyang Subdistrict", [community("东苑社区", "Dongyuan Community")]),
            ],
          },
        ],
      },
    ],
  },
];

/** The tree flattened parents-first, with every generated code filled in. */
export function demoRegions(): CreateRegionInput[] {
  const regions: CreateRegionInput[] = [];
  const visit = (node: TreeNode, parentCode: string | null) => {
    const code = node.code;
    if (!code) throw new Error(`demo region ${node.nameZh} has no code`);
    regions.push({
      code,
      codeIsOfficial: node.level === "PROVINCE" || node.level === "PREFECTURE" || node.level === "COUNTY",
      level: node.level,
      kind: node.kind,
      nameZh: node.nameZh,
      nameEn: node.nameEn,
      parentCode,
    });
    const counters = new Map<string, number>();
    for (const child of node.children ?? []) {
      const first =
        { TOWN: 100, TOWNSHIP: 200, ETHNIC_TOWNSHIP: 200, SUBDISTRICT: 1, VILLAGE: 200, COMMUNITY: 1 }[child.kind as string] ?? 1;
      const bucket = child.kind === "ETHNIC_TOWNSHIP" ? "TOWNSHIP" : child.kind;
      const next = counters.get(bucket) ?? first;
      counters.set(bucket, next + 1);
      const serial = String(next).padStart(3, "0");
      const childCode =
        child.code ?? (child.level === "TOWNSHIP" ? `${code.slice(0, 6)}${serial}000` : `${code.slice(0, 9)}${serial}`);
      visit({ ...child, code: childCode }, code);
    }
  };
  for (const root of DEMO_TREE) visit(root, null);
  return regions;
}

/** Looks a demo region's code up by its Chinese name (names are unique within the demo). */
export function demoRegionCode(nameZh: string): string {
  const found = demoRegions().find((region) => region.nameZh === nameZh);
  if (!found) throw new Error(`no demo region is called ${nameZh}`);
  return found.code;
}
