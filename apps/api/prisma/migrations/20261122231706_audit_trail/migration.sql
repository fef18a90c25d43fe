-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transaction_id" BIGINT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "record_key" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_table_name_record_key_id_idx" ON "audit_log"("table_name", "record_key", "id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

ALTER TABLE "audit_log" ALTER COLUMN "transaction_id" SET DEFAULT txid_current();
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK ("action" IN ('INSERT', 'UPDATE', 'DELETE'));

-- Who is changing data: set per transaction by the API (set_config('revita.actor', ..., true));
-- anything else is named by its database role, so no change is anonymous.
CREATE FUNCTION audit_actor() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('revita.actor', true), ''), 'database:' || current_user)
$$;

-- A row's key from its JSON: the key columns' values joined by ":".
CREATE FUNCTION audit_key(record jsonb, key_columns text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(record ->> k, ':' ORDER BY position) FROM unnest(key_columns) WITH ORDINALITY AS c(k, position)
$$;

-- One audit row per changed row, from the statement's transition tables: a bulk insert of
-- thousands of rows costs one INSERT ... SELECT, not a trigger call per row.
-- Arguments: the key columns, columns whose changes alone are not worth a row (counters; and
-- updated_at everywhere, so saving a record unchanged records nothing), and columns never
-- copied into the audit (secrets), each comma-separated.
CREATE FUNCTION audit_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_columns text[] := string_to_array(TG_ARGV[0], ',');
  ignored text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{}') || '{updated_at}'::text[];
  secret text[] := coalesce(string_to_array(nullif(TG_ARGV[2], ''), ','), '{}');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (actor, action, table_name, record_key, after)
    SELECT audit_actor(), 'INSERT', TG_TABLE_NAME, audit_key(to_jsonb(n), key_columns), to_jsonb(n) - secret
      FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (actor, action, table_name, record_key, before)
    SELECT audit_actor(), 'DELETE', TG_TABLE_NAME, audit_key(to_jsonb(o), key_columns), to_jsonb(o) - secret
      FROM old_rows o;
  ELSE
    INSERT INTO audit_log (actor, action, table_name, record_key, before, after)
    SELECT audit_actor(), 'UPDATE', TG_TABLE_NAME, coalesce(audit_key(o.j, key_columns), audit_key(n.j, key_columns)),
           o.j - secret, n.j - secret
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o) o
      FULL JOIN (SELECT to_jsonb(n) AS j FROM new_rows n) n ON audit_key(o.j, key_columns) = audit_key(n.j, key_columns)
     WHERE (o.j - ignored - secret) IS DISTINCT FROM (n.j - ignored - secret);
  END IF;
  RETURN NULL;
END
$$;

-- Attaches the three audit triggers to a table.
CREATE FUNCTION audit_table(table_name text, key_columns text, ignored text DEFAULT '', secret text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L, %L, %L)',
                 table_name || '_audit_insert', table_name, key_columns, ignored, secret);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L, %L, %L)',
                 table_name || '_audit_update', table_name, key_columns, ignored, secret);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L, %L, %L)',
                 table_name || '_audit_delete', table_name, key_columns, ignored, secret);
END
$$;

SELECT audit_table('region', 'id');
SELECT audit_table('organization', 'id');
SELECT audit_table('assessment', 'id');
SELECT audit_table('project_category', 'id');
SELECT audit_table('project', 'id');
SELECT audit_table('project_output', 'id');
SELECT audit_table('project_site', 'project_id,region_id');
SELECT audit_table('progress_report', 'id');
SELECT audit_table('fund', 'id');
SELECT audit_table('fund_allocation', 'id');
SELECT audit_table('disbursement', 'id');
SELECT audit_table('indicator', 'id');
SELECT audit_table('indicator_value', 'id');
-- Sign-in counters change at every sign-in and are not data; a password change shows as its date.
SELECT audit_table('app_user', 'id', 'failed_logins,locked_until', 'password_hash');
SELECT audit_table('role_grant', 'id');
-- Sessions are not audited: they are sign-ins, not changes to the county's data.

-- Append-only, whoever asks: these triggers stop even the tables' owner, short of dropping them
-- (once the API runs as a role that does not own the tables, it cannot drop them either).
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
