/**
 * What each indicator of the catalogue counts: the definition, the unit, who reports it and for
 * which period, as an analyst reading the scorecard needs it. The computed indicators (community
 * service, mediation, consultation, cleaning, households) are described by the migrations that
 * define them.
 */
export const INDICATOR_DESCRIPTIONS: Record<string, string> = {
  MONITORED_HOUSEHOLDS_NEW:
    "Households newly confirmed in the year as monitored against falling back into poverty (防返贫监测对象), in households; reported yearly by the county's rural-revitalisation bureau, or counted from the household records where a region keeps them.",
  MONITORED_PERSONS_NEW:
    "People in the households newly confirmed as monitored in the year, in persons; yearly, from the same source as the households.",
  MONITORED_HOUSEHOLDS_RISK_ELIMINATED:
    "Monitored households whose risk was confirmed eliminated (风险消除) in the year, in households; yearly, by the rural-revitalisation bureau or from the household records.",
  MONITORED_PERSONS_RISK_ELIMINATED: "People in the households whose risk was eliminated in the year, in persons; yearly.",
  MIGRANT_WORKERS_POVERTY_ESCAPED:
    "People lifted out of poverty and monitored people working away from home (外出务工) in the year, in persons, against the year's target; yearly, by the human-resources and rural-revitalisation bureaus.",
  POVERTY_ESCAPED_PERSONS:
    "People registered as lifted out of poverty (脱贫人口) at the end of the year, in persons; yearly. The weight of the per-capita income's average.",
  POVERTY_ESCAPED_INCOME_PER_CAPITA:
    "Per-capita net income of households lifted out of poverty in the year, in yuan; yearly, from the county's household income survey. Rolled up weighted by the people lifted out of poverty.",
  POVERTY_ESCAPED_INCOME_VS_PROVINCE:
    "The per-capita net income of households lifted out of poverty as a percentage of the province's rural average, in percent; yearly, as the county publishes it. Not added up: each region states its own.",
  REGISTERED_POOR_HOUSEHOLDS:
    "Households on the poverty register (建档立卡贫困户) at the end of the year, in households; yearly, from the poverty-alleviation register (kept until 2020).",
  REGISTERED_POOR_PERSONS:
    "People in the registered poor households at the end of the year, in persons; yearly, from the register.",
  POOR_HOUSEHOLDS_OUT_OF_POVERTY:
    "Registered poor households recorded as out of poverty (脱贫户) by the end of the year, in households; yearly, from the register.",
  POOR_PERSONS_OUT_OF_POVERTY:
    "People in the households out of poverty by the end of the year, in persons; yearly, from the register.",
  VILLAGES_OUT_OF_POVERTY: "Poor villages removed from the list (贫困村出列) by the end of the year, in villages; yearly.",
  POOR_FAMILY_INCOME_PER_CAPITA:
    "Per-capita yearly income of the registered poor families, in yuan; yearly, from the register. Rolled up weighted by registered poor people.",
  ARABLE_LAND: "Arable land (耕地) at the end of the year, in mu; yearly, from the natural-resources survey.",
  LABOUR_FORCE: "Working-age people able to work (劳动力) at the end of the year, in persons; yearly, by the village.",
  FAMILY_FARMS: "Registered family farms (家庭农场) at the end of the year, in farms; yearly, by the agriculture bureau.",
  FAMILY_FARM_AREA: "Land the family farms work at the end of the year, in mu; yearly, by the agriculture bureau.",
  LARGE_GROWER_HOUSEHOLDS:
    "Households growing crops or raising livestock at scale (种养殖大户: yearly earnings of 200,000 yuan or more), at the end of the year, in households; yearly, by the village and the agriculture bureau.",
  POOR_WORKERS_IN_VILLAGE_ENTERPRISES:
    "Registered poor people who worked in a village collective's enterprise or cooperative (在合作社务工) over the period, in persons; yearly, by the village.",
  POOR_WORKERS_WAGES:
    "Wages paid to those poor workers over the period (发放务工费), in yuan; yearly, by the village's accounts.",
  LOCAL_JOBS_FROM_PROJECTS:
    "Jobs a major work's builders offered to local people (为当地群众提供就业岗位), in jobs; yearly, by the township serving the works.",
  RAMIE_TEXTILE_FIRMS:
    "Ramie textile enterprises (苎麻纺织企业) at the end of the year, in firms; yearly, by the city's ramie industry association.",
  RAMIE_TEXTILE_JOBS:
    "Jobs the ramie textile industry provides at the end of the year, in jobs; yearly, by the same association.",
  RAMIE_TEXTILE_OUTPUT:
    "The ramie textile industry's output value in the year (年产值), in yuan; yearly, by the same association.",
  INDUSTRY_BASE_AREA:
    "Land under a characteristic industry's bases (特色产业基地: mulberry, tea, fruit, seedlings) at the end of the year, in mu; yearly, by the agriculture bureau.",
  COCOON_PURCHASE_PRICE:
    "The protected purchase price of silkworm cocoons (蚕茧保护收购价) in the year, in yuan per kilogram; yearly, as the township announces it. Not added up.",
  VILLAGE_COLLECTIVE_INCOME:
    "The village collective economy's income in the year (村集体经济收入), in yuan; yearly, by the village's accounts.",
  RURAL_TOURISM_PARKS:
    "Rural tourism parks and resorts open at the end of the year, in parks; yearly, by the culture and tourism bureau.",
  MAJOR_PROJECTS_STARTED:
    "Major projects started together at the year's ceremony (重大项目集中开工), in projects; yearly, by the development and reform bureau.",
  MAJOR_PROJECTS_STARTED_INVESTMENT:
    "The total investment of the major projects started together, in yuan; yearly, by the development and reform bureau.",
  ADMIN_VILLAGES:
    "Administrative villages (行政村) at the end of the year, in villages; yearly, from the civil-affairs register. The weight of the village shares' averages.",
  INTEGRATED_SEWAGE_STATIONS_BUILT:
    "Integrated manure and sewage treatment stations (粪污一体化站点) built in the year, in stations; yearly, by the ecology and environment bureau.",
  MICRO_POWER_STATIONS_BUILT: "Micro-power sewage stations (微动力站点) built in the year, in stations; yearly.",
  MICRO_POWER_STATIONS_MAINTAINED: "Micro-power sewage stations kept running (维护) in the year, in stations; yearly.",
  TOWNSHIP_SEWAGE_PLANTS:
    "Township sewage treatment plants in operation at the end of the year, in plants; yearly, by the housing bureau.",
  TOWNSHIP_SEWAGE_CAPACITY:
    "The township plants' sewage treatment capacity at the end of the year, in tonnes a day; yearly, by the housing bureau.",
  TOWNSHIP_SEWAGE_PROJECTS: "Township sewage treatment projects under way or finished in the year, in projects; yearly.",
  RURAL_SANITARY_TOILETS:
    "Rural household toilets made sanitary (无害化改造) in the year, in households; yearly, by the agriculture bureau.",
  RURAL_PUBLIC_TOILETS: "Rural public toilets built or renovated in the year, in toilets; yearly.",
  GARBAGE_HARMLESS_TREATMENT_RATE:
    "Share of rural domestic garbage treated harmlessly (无害化处理) in the year, in percent; yearly, by the housing bureau. Not added up: each region states its own.",
  WATER_FUNCTION_ZONE_COMPLIANCE:
    "Share of important water-function zones meeting their water-quality standard (水功能区水质达标率) in the year, in percent; yearly, by the water resources bureau. Not added up.",
  DRINKING_WATER_SOURCE_SAFETY:
    "Share of centralised drinking-water sources meeting the safety standard in the year, in percent; yearly, by the water resources bureau. Not added up.",
  BEAUTIFUL_TOWNS:
    "Towns recognised as beautiful towns (美丽城镇) by the end of the year, in towns; yearly, by the province's list.",
  PROVINCIAL_DEMO_VILLAGES:
    "Villages named provincial demonstration villages of rural revitalisation (省级示范村) by the end of the year, in villages; yearly.",
  PILOT_VILLAGES: "Villages taken on as pilots of the year's renovation programme (试点村), in villages; yearly.",
  RENOVATION_VILLAGES: "Villages renovated under the living-environment programme in the year (整治村), in villages; yearly.",
  DEMO_ENTRANCE_VILLAGES: "Villages at the county's entrances made showcases (示范入口村) in the year, in villages; yearly.",
  STREET_LIGHTS_INSTALLED: "Street lights installed in villages in the year, in lights; yearly, by the township.",
  BRIDGES_CULVERTS_BUILT: "Bridges and culverts built in villages in the year, in structures; yearly, by the township.",
  CEMENT_ROAD_BUILT:
    "Village roads hardened with cement (硬化水泥路) in the year, in kilometres; yearly, by the transport bureau.",
  FARM_ROAD_BUILT: "Farm-machine roads (机耕路) built in the year, in kilometres; yearly, by the agriculture bureau.",
  GREENING_LENGTH: "Roads and rivers greened in the year, in kilometres; yearly, by the forestry bureau.",
  VILLAGE_AUXILIARY_POLICE:
    "Auxiliary police officers posted one to a village (一村一辅警) at the end of the year, in officers; yearly, by the public-security bureau.",
  URBAN_RESIDENTS_COMMITTEES:
    "Urban residents' committees (城市社区居委会) at the end of the year, in committees; yearly, from the civil-affairs register.",
  MEDIATION_ORGANISATIONS:
    "People's mediation organisations (调解组织: village committees, centres, professional bodies) at the end of the year, in organisations; yearly, by the justice bureau.",
  MEDIATORS: "People's mediators at the end of the year, in persons; yearly, by the justice bureau.",
  CONSULTATION_ISSUES_RESOLVED:
    "Residents' problems resolved through consultation (协商议事) in the year, in issues; yearly, as a community reports it where it keeps no topic records (the topics module counts them where it does).",
  CONSULTATION_SUGGESTIONS:
    "Suggestions on public matters and services collected through consultation in the year, in suggestions; yearly.",
  PARTY_MEMBERS_IN_COMMUNITIES:
    "Working party members reporting to communities to serve them (下沉社区党员) at the end of the year, in persons; yearly, by the organisation department.",
  VOLUNTEER_TEAMS:
    "Volunteer service teams (志愿服务队) active at the end of the year, in teams; yearly, by the civilisation office.",
  RESIDENT_POPULATION: "Resident population (常住人口) at the end of the year, in persons; yearly, from the statistics bureau.",
};
