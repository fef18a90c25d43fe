import { alertMessages, type Catalogue, type Localized, localize } from "@revita/messages";
import type { Locale } from "@revita/ui/format/locale";
import { briefingPageMessages } from "../routes/briefing/briefing.messages.js";
import { cleaningMessages } from "../routes/cleaning/cleaning.messages.js";
import { communityMessages } from "../routes/community/community.messages.js";
import { consultationMessages } from "../routes/consultation/consultation.messages.js";
import { dataEntryMessages } from "../routes/data-entry/data-entry.messages.js";
import { dispatchMessages } from "../routes/dispatch/dispatch.messages.js";
import { fundsMessages } from "../routes/funds/funds.messages.js";
import { householdsMessages } from "../routes/households/households.messages.js";
import { indicatorsMessages } from "../routes/indicators/indicators.messages.js";
import { mediationMessages } from "../routes/mediation/mediation.messages.js";
import { overviewMessages } from "../routes/overview/overview.messages.js";
import { projectMessages } from "../routes/project/project.messages.js";
import { projectsMessages } from "../routes/projects/projects.messages.js";
import { queryLabMessages } from "../routes/query-lab/query-lab.messages.js";
import { regionsMessages } from "../routes/regions/regions.messages.js";
import { sessionMessages } from "../session/session.messages.js";
import { shellMessages } from "../shell/shell.messages.js";
import { labelMessages } from "./labels.messages.js";

/**
 * Every word the dashboard shows, in both languages, gathered from the catalogue of each page
 * area (`*.messages.ts` beside the pages). Each message is ICU MessageFormat through
 * `@revita/messages` (FormatJS), so plurals and number formats come from the platform, never
 * from code. The kit brings its own words (table controls, chart legends); names of regions,
 * categories and indicators come from the API in both languages; refusals are said from the
 * API's reasons (`features/entry/refusals.ts`).
 */
export const APP_CATALOGUE = {
  ...shellMessages,
  ...sessionMessages,
  ...labelMessages,
  ...overviewMessages,
  ...projectMessages,
  ...projectsMessages,
  ...fundsMessages,
  ...indicatorsMessages,
  ...dataEntryMessages,
  ...communityMessages,
  ...mediationMessages,
  ...consultationMessages,
  ...cleaningMessages,
  ...householdsMessages,
  ...dispatchMessages,
  ...regionsMessages,
  ...briefingPageMessages,
  ...queryLabMessages,
  alerts: alertMessages,
} satisfies Catalogue;

/** The catalogue in one language: texts as strings, messages with parameters as functions of them. */
export type AppMessages = Localized<typeof APP_CATALOGUE>;

export const APP_MESSAGES: Record<Locale, AppMessages> = {
  "zh-CN": localize(APP_CATALOGUE, "zh-CN"),
  en: localize(APP_CATALOGUE, "en"),
};
