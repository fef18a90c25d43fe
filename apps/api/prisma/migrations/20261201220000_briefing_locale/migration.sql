-- Weekly briefs in the language their subscriber ordered them in.
ALTER TABLE "briefing_subscription" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'zh-CN';
ALTER TABLE "briefing_subscription" ADD CONSTRAINT "briefing_subscription_locale_known" CHECK ("locale" IN ('zh-CN', 'en'));
