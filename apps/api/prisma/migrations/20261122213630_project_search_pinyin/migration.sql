-- AlterTable
ALTER TABLE "project" ADD COLUMN     "search_pinyin" TEXT NOT NULL DEFAULT '';
