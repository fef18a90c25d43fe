-- CreateEnum
CREATE TYPE "FundSourceType" AS ENUM ('CENTRAL_BRIDGING', 'FISCAL_SPECIAL', 'BANK_LOAN', 'SELF_RAISED', 'SOCIAL_CAPITAL', 'POVERTY_MICROCREDIT', 'INDUSTRY_SUBSIDY');

-- CreateEnum
CREATE TYPE "FundLevel" AS ENUM ('CENTRAL', 'PROVINCIAL', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'NON_GOVERNMENT');

-- CreateEnum
CREATE TYPE "PerformanceGrade" AS ENUM ('A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('SUM', 'WEIGHTED_AVERAGE', 'RATIO', 'NOT_AGGREGATED');

-- CreateEnum
CREATE TYPE "Pillar" AS ENUM ('INDUSTRY', 'ECOLOGY', 'CIVILITY', 'GOVERNANCE', 'PROSPERITY', 'POVERTY_CONSOLIDATION');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNED', 'STARTED', 'IN_PROGRESS', 'COMPLETED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "DeliveryModel" AS ENUM ('GOVERNMENT', 'PPP', 'ENTERPRISE', 'COLLECTIVE');

-- CreateEnum
CREATE TYPE "OutputMetric" AS ENUM ('WATER_SUPPLY_POPULATION', 'BENEFICIARY_POPULATION', 'POOR_BENEFICIARIES', 'IRRIGATION_AREA', 'NEW_IRRIGATION_AREA', 'IMPROVED_IRRIGATION_AREA', 'TREATED_EROSION_AREA', 'LAND_AREA', 'WATER_SOURCES_PROTECTED', 'PIPELINE_LENGTH', 'CHANNEL_LENGTH', 'TREATMENT_CAPACITY', 'RESERVOIRS', 'FACILITIES', 'TOWNS_COVERED', 'HOUSING_UNITS', 'HOUSEHOLDS', 'ANNUAL_OUTPUT');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('PROVINCE', 'AUTONOMOUS_REGION', 'MUNICIPALITY', 'PREFECTURE_CITY', 'AUTONOMOUS_PREFECTURE', 'COUNTY', 'AUTONOMOUS_COUNTY', 'DISTRICT', 'COUNTY_CITY', 'DEVELOPMENT_ZONE', 'TOWN', 'TOWNSHIP', 'ETHNIC_TOWNSHIP', 'SUBDISTRICT', 'VILLAGE', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('GOVERNMENT_AGENCY', 'TOWNSHIP_GOVERNMENT', 'VILLAGE_COMMITTEE', 'STATE_COMPANY', 'PRIVATE_COMPANY', 'COOPERATIVE', 'OTHER');

-- CreateTable
CREATE TABLE "fund" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "source_type" "FundSourceType" NOT NULL,
    "level" "FundLevel" NOT NULL,
    "year" INTEGER NOT NULL,
    "start_year" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "performance_grade" "PerformanceGrade",
    "note" TEXT,
    "source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fund_allocation" (
    "id" SERIAL NOT NULL,
    "fund_id" INTEGER NOT NULL,
    "project_id" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "allocated_on" DATE NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fund_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement" (
    "id" SERIAL NOT NULL,
    "allocation_id" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "paid_on" DATE NOT NULL,
    "voucher_no" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "pillar" "Pillar" NOT NULL,
    "direction" "IndicatorDirection" NOT NULL,
    "aggregation" "IndicatorAggregation" NOT NULL,
    "weight_indicator_id" INTEGER,
    "numerator_indicator_id" INTEGER,
    "denominator_indicator_id" INTEGER,
    "ratio_scale" DECIMAL(12,4),
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "target" DECIMAL(20,4),
    "baseline" DECIMAL(20,4),
    "note" TEXT,
    "source" TEXT,
    "reported_by" TEXT NOT NULL,
    "reported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_category" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "pillar" "Pillar" NOT NULL,
    "is_industry" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT,
    "description" TEXT,
    "category_id" INTEGER NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "delivery_model" "DeliveryModel" NOT NULL DEFAULT 'GOVERNMENT',
    "region_id" INTEGER NOT NULL,
    "implementing_unit_id" INTEGER,
    "parent_id" INTEGER,
    "phase_number" INTEGER,
    "total_investment" DECIMAL(16,2) NOT NULL,
    "planned_start" DATE,
    "planned_finish" DATE,
    "actual_start" DATE,
    "actual_finish" DATE,
    "source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_site" (
    "project_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "project_site_pkey" PRIMARY KEY ("project_id","region_id")
);

-- CreateTable
CREATE TABLE "project_output" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "metric" "OutputMetric" NOT NULL,
    "quantity" DECIMAL(16,2) NOT NULL,
    "unit" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "project_output_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_report" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "completed_investment" DECIMAL(16,2),
    "physical_progress" DECIMAL(5,2),
    "over_budget_reason" TEXT,
    "note" TEXT,
    "reported_by" TEXT NOT NULL,
    "reported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "region" (
    "id" SERIAL NOT NULL,
    "code" CHAR(12) NOT NULL,
    "code_is_official" BOOLEAN NOT NULL DEFAULT true,
    "level" "RegionLevel" NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "parent_id" INTEGER,
    "path" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "scheme" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fund_code_key" ON "fund"("code");

-- CreateIndex
CREATE INDEX "fund_region_id_idx" ON "fund"("region_id");

-- CreateIndex
CREATE INDEX "fund_year_idx" ON "fund"("year");

-- CreateIndex
CREATE INDEX "fund_source_type_idx" ON "fund"("source_type");

-- CreateIndex
CREATE INDEX "fund_allocation_fund_id_idx" ON "fund_allocation"("fund_id");

-- CreateIndex
CREATE INDEX "fund_allocation_project_id_idx" ON "fund_allocation"("project_id");

-- CreateIndex
CREATE INDEX "disbursement_allocation_id_idx" ON "disbursement"("allocation_id");

-- CreateIndex
CREATE INDEX "disbursement_paid_on_idx" ON "disbursement"("paid_on");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "indicator_pillar_idx" ON "indicator"("pillar");

-- CreateIndex
CREATE INDEX "indicator_weight_indicator_id_idx" ON "indicator"("weight_indicator_id");

-- CreateIndex
CREATE INDEX "indicator_numerator_indicator_id_idx" ON "indicator"("numerator_indicator_id");

-- CreateIndex
CREATE INDEX "indicator_denominator_indicator_id_idx" ON "indicator"("denominator_indicator_id");

-- CreateIndex
CREATE INDEX "indicator_value_region_id_idx" ON "indicator_value"("region_id");

-- CreateIndex
CREATE INDEX "indicator_value_period_end_idx" ON "indicator_value"("period_end");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_value_indicator_id_region_id_period_key" ON "indicator_value"("indicator_id", "region_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "project_category_code_key" ON "project_category"("code");

-- CreateIndex
CREATE UNIQUE INDEX "project_code_key" ON "project"("code");

-- CreateIndex
CREATE INDEX "project_category_id_idx" ON "project"("category_id");

-- CreateIndex
CREATE INDEX "project_region_id_idx" ON "project"("region_id");

-- CreateIndex
CREATE INDEX "project_implementing_unit_id_idx" ON "project"("implementing_unit_id");

-- CreateIndex
CREATE INDEX "project_status_idx" ON "project"("status");

-- CreateIndex
CREATE INDEX "project_planned_start_idx" ON "project"("planned_start");

-- CreateIndex
CREATE UNIQUE INDEX "project_parent_id_phase_number_key" ON "project"("parent_id", "phase_number");

-- CreateIndex
CREATE INDEX "project_site_region_id_idx" ON "project_site"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_output_project_id_metric_key" ON "project_output"("project_id", "metric");

-- CreateIndex
CREATE INDEX "progress_report_period_end_idx" ON "progress_report"("period_end");

-- CreateIndex
CREATE UNIQUE INDEX "progress_report_project_id_period_key" ON "progress_report"("project_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "region_code_key" ON "region"("code");

-- CreateIndex
CREATE INDEX "region_parent_id_idx" ON "region"("parent_id");

-- CreateIndex
CREATE INDEX "region_path_idx" ON "region" USING GIN ("path");

-- CreateIndex
CREATE INDEX "region_level_idx" ON "region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "organization_region_id_name_key" ON "organization"("region_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_region_id_year_scheme_key" ON "assessment"("region_id", "year", "scheme");

-- AddForeignKey
ALTER TABLE "fund" ADD CONSTRAINT "fund_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_allocation" ADD CONSTRAINT "fund_allocation_fund_id_fkey" FOREIGN KEY ("fund_id") REFERENCES "fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_allocation" ADD CONSTRAINT "fund_allocation_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_allocation_id_fkey" FOREIGN KEY ("allocation_id") REFERENCES "fund_allocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_weight_indicator_id_fkey" FOREIGN KEY ("weight_indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_numerator_indicator_id_fkey" FOREIGN KEY ("numerator_indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_denominator_indicator_id_fkey" FOREIGN KEY ("denominator_indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "project_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_implementing_unit_id_fkey" FOREIGN KEY ("implementing_unit_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_site" ADD CONSTRAINT "project_site_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_site" ADD CONSTRAINT "project_site_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_output" ADD CONSTRAINT "project_output_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
