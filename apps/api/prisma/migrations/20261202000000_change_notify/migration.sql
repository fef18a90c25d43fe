-- Every committed change says so on the channel `revita_change`, so that answers kept in memory
-- (the embedded database's response cache, src/response-cache.ts) are dropped the moment any
-- data they may have read changes: whichever path the write took (the API, an import, a script,
-- psql). One notice per statement; PostgreSQL delivers them at commit, folds identical ones of a
-- transaction into one, and drops them with a rollback.
CREATE FUNCTION revita_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('revita_change', '');
  RETURN NULL;
END $$;

-- On every table there is. A later migration's new table calls notify_changes_of('its_name')
-- (src/db/migrations.db.test.ts fails for a table without the trigger).
CREATE FUNCTION notify_changes_of(table_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
       FOR EACH STATEMENT EXECUTE FUNCTION revita_notify_change()', table_name);
END $$;

SELECT notify_changes_of(tablename) FROM pg_tables
 WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename;
