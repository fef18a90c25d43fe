import { builder } from "../builder.js";
import "../regions/regions.schema.js";
import "../projects/projects.schema.js";

/** Only imports the domain schema files and builds the schema. */
export const schema = builder.toSchema({ sortSchema: true });
