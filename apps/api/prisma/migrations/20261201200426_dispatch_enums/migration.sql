-- The dispatch meeting's alert rule, alone in its migration: PostgreSQL refuses to use an enum value
-- added in the same transaction.

ALTER TYPE "AlertRule" ADD VALUE 'TASK_OVERDUE';
