import { isObjectType } from "graphql";
import { builder } from "../builder.js";
import "../regions/regions.schema.js";
import "../regions/region-history.schema.js";
import "../projects/projects.schema.js";
import "../projects/progress-reports.schema.js";
import "../projects/region-investment.schema.js";
import "../funds/funds.schema.js";
import "../funds/region-funds.schema.js";
import "../indicators/indicators.schema.js";
import "../accounts/accounts.schema.js";
import "../audit/audit.schema.js";
import "../approvals/approvals.schema.js";
import "../alerts/alerts.schema.js";
import "../reporting/reporting.schema.js";
import "../governance/members.schema.js";
import "../governance/needs.schema.js";
import "../governance/service-cards.schema.js";
import "../mediation/mediation.schema.js";
import "../consultation/consultation.schema.js";
import "../cleaning/cleaning.schema.js";
import "../households/households.schema.js";
import "../dispatch/dispatch.schema.js";
import "../briefings/briefings.schema.js";
import "./nodes.schema.js";

/** Only imports the domain schema files and builds the schema. */
export const schema = builder.toSchema({ sortSchema: true });

// The Prisma plugin's totalCount field takes no description option; every field gets one.
for (const type of Object.values(schema.getTypeMap())) {
  const totalCount = isObjectType(type) && type.name.endsWith("Connection") ? type.getFields().totalCount : undefined;
  if (totalCount && !totalCount.description) totalCount.description = "How many items the whole list holds, across all pages.";
}
