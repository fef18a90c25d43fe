export { type AlertFacts, type AlertFormats, alertSummary } from "./alert-summary.js";
export { alertMessages } from "./alerts.js";
export { briefingMessages } from "./briefing.js";
export {
  type Catalogue,
  catalogueProblems,
  englishInChinese,
  formatMessage,
  type Localized,
  localize,
  type Message,
  msg,
  type Params,
} from "./catalogue.js";
export { pillarLabels, projectStatusLabels, sourceTypeLabels, taskStatusLabels } from "./labels.js";
export { DEFAULT_LOCALE, LOCALES, type Locale, localeFromAcceptLanguage } from "./locale.js";
export { formatReason, isReasonCode, REASONS, type ReasonArgs, type ReasonCode, type ReasonParams } from "./reasons/index.js";
