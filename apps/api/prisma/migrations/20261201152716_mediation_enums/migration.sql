-- A new alert rule, alone in its migration: PostgreSQL refuses to use an enum value added in the
-- same transaction.

-- AlterEnum
ALTER TYPE "AlertRule" ADD VALUE 'FOLLOW_UP_OVERDUE';
