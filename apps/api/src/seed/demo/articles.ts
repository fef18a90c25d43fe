/**
 * The newspaper articles the demo data comes from (`../shared/seeds/`), as a reader would cite
 * them: 《title》, where it appeared, when. Records name their article by this citation in their
 * `source`, never by a file name, so the dashboard's 数据来源 line reads as a reference.
 */
interface Article {
  title: string;
  /** Where it appeared, as far as the clipping says: the local press of the county or city. */
  outlet: string;
  /** When, where the clipping says so. */
  published?: string;
}

const CENGONG_PRESS = "岑巩县（黔东南州）地方报纸";
const JINGZHOU_PRESS = "荆州地方报纸";

export const ARTICLES = {
  cengongWater: { title: "岑巩县“十三五”水利建设取得新成就", outlet: CENGONG_PRESS, published: "2021年1月" },
  cengongCadres: { title: "党员干部下沉释放社区治理“新效能”", outlet: CENGONG_PRESS, published: "2021年1月" },
  cengongProjectsStarted: { title: "岑巩县9个重点项目开工动土", outlet: CENGONG_PRESS, published: "2021年1月" },
  tianxingSilk: { title: "天星乡打造“桑蚕小镇”", outlet: CENGONG_PRESS, published: "2021年1月" },
  beieVillage: { title: "平庄镇背鹅村：贫困山村绘就脱贫美丽画卷", outlet: CENGONG_PRESS, published: "2021年1月" },
  jingzhouBridging: { title: "荆州区巩固拓展脱贫攻坚成果同乡村振兴有效衔接", outlet: JINGZHOU_PRESS },
  jingzhouPolice: { title: "荆州区：一村一辅警 基层解难题", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  wuqiao: { title: "监利市黄歇口镇吴桥村蹚出致富新路子", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  qingshui: { title: "监利市新沟镇清水村", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  jingzhouCity: { title: "荆州市农村人居环境整治", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  developmentZone: { title: "荆州开发区党员干部下沉社区", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  baiyunqiao: { title: "白云桥社区下沉党员开展“大走访”“大慰问”", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  lijun: { title: "下沉党员李俊：倾情服务社区的“硬核”志愿者", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  fengmingConsultation: { title: "创建协商议事平台 激活社区治理“廉动力”", outlet: JINGZHOU_PRESS },
  shashiGarden: { title: "“三方联动”化解基层治理顽疾——乐苑社区沙市花园小区蜕变记", outlet: JINGZHOU_PRESS },
  villageCleaning: { title: "全国村庄清洁行动先进县表彰名单出炉 松滋市榜上有名", outlet: JINGZHOU_PRESS, published: "2021年1月" },
  dispatchMeeting: {
    title: "全区党员干部下基层、察民情、解民忧、暖民心实践活动第三次调度会召开",
    outlet: JINGZHOU_PRESS,
  },
  leaderVisit: { title: "朱翊到李埠镇网新村开展党员干部下基层、察民情、解民忧、暖民心实践活动", outlet: JINGZHOU_PRESS },
  mishiWorks: { title: "弥市镇全力服务重点工程项目建设", outlet: JINGZHOU_PRESS },
  ramieAssociation: { title: "荆州市苎麻行业协会成立", outlet: JINGZHOU_PRESS },
  microWish: { title: "区委机关综合党总支：点亮“微心愿”办好“微”实事", outlet: JINGZHOU_PRESS },
} satisfies Record<string, Article>;

/** An article as cited in a record's source, e.g. "《岑巩县9个重点项目开工动土》，岑巩县（黔东南州）地方报纸，2021年1月". */
export function cite(article: Article, note?: string): string {
  const reference = [`《${article.title}》`, article.outlet, article.published].filter(Boolean).join("，");
  return note ? `${reference}；${note}` : reference;
}
