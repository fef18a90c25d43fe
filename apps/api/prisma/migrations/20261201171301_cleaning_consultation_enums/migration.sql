-- Two new alert rules, alone in their migration: PostgreSQL refuses to use an enum value added in
-- the same transaction.

-- AlterEnum


ALTER TYPE "AlertRule" ADD VALUE 'ANSWER_OVERDUE';
ALTER TYPE "AlertRule" ADD VALUE 'RECTIFICATION_OVERDUE';
