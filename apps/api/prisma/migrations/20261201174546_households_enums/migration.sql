-- New roles and alert rules, alone in their migration: PostgreSQL refuses to use an enum value added
-- in the same transaction.

ALTER TYPE "AccessRole" ADD VALUE 'PERSONAL_DATA';
ALTER TYPE "AlertRule" ADD VALUE 'IDENTIFICATION_OVERDUE';
ALTER TYPE "AlertRule" ADD VALUE 'ASSISTANCE_MISSING';
