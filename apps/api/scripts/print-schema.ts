import { writeFileSync } from "node:fs";
import { printedSchema, SCHEMA_FILE } from "../src/schema/printed-schema.js";

/** Writes packages/schema/schema.graphql from the Pothos schema: run after changing any *.schema.ts. */
writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
