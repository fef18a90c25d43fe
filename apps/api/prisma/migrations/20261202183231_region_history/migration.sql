-- CreateEnum
CREATE TYPE "RegionChangeKind" AS ENUM ('ADDED', 'RENAMED', 'MOVED', 'MERGED');

-- AlterTable
ALTER TABLE "region" ADD COLUMN     "successor_id" INTEGER,
ADD COLUMN     "valid_from" DATE,
ADD COLUMN     "valid_to" DATE;

-- CreateTable
CREATE TABLE "region_change" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "kind" "RegionChangeKind" NOT NULL,
    "effective_on" DATE NOT NULL,
    "old_name_zh" TEXT,
    "old_name_en" TEXT,
    "new_name_zh" TEXT,
    "new_name_en" TEXT,
    "old_parent_id" INTEGER,
    "new_parent_id" INTEGER,
    "basis" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "region_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_change_region_id_effective_on_idx" ON "region_change"("region_id", "effective_on");

-- CreateIndex
CREATE INDEX "region_change_old_parent_id_idx" ON "region_change"("old_parent_id");

-- CreateIndex
CREATE INDEX "region_change_new_parent_id_idx" ON "region_change"("new_parent_id");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_change" ADD CONSTRAINT "region_change_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_change" ADD CONSTRAINT "region_change_old_parent_id_fkey" FOREIGN KEY ("old_parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_change" ADD CONSTRAINT "region_change_new_parent_id_fkey" FOREIGN KEY ("new_parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: the tree over time (区划调整). A region is never deleted or re-coded: it is
-- added with the day it was set up, renamed, moved or merged into a successor on a day, and each
-- change is kept in region_change, so that codes stay unique over time and the tree can be read as
-- it stood on any day. Today's tree is what path says: a merged region hangs below its successor,
-- so its past counts there ("as today") and row-level security, which compares paths, lets the
-- successor's users read it.

ALTER TABLE "region"
  ADD CONSTRAINT "region_successor_when_ceased" CHECK (("valid_to" IS NULL) = ("successor_id" IS NULL)),
  ADD CONSTRAINT "region_hangs_below_successor" CHECK ("successor_id" IS NULL OR "parent_id" = "successor_id"),
  ADD CONSTRAINT "region_valid_dates_ordered" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" > "valid_from");

ALTER TABLE "region_change"
  ADD CONSTRAINT "region_change_shape" CHECK (CASE "kind"
      WHEN 'ADDED' THEN "new_name_zh" IS NOT NULL AND "new_parent_id" IS NOT NULL
      WHEN 'RENAMED' THEN "old_name_zh" IS NOT NULL AND "new_name_zh" IS NOT NULL AND "old_name_en" IS NOT NULL AND "new_name_en" IS NOT NULL
      ELSE "old_parent_id" IS NOT NULL AND "new_parent_id" IS NOT NULL AND "old_parent_id" <> "new_parent_id"
    END),
  ADD CONSTRAINT "region_change_basis_present" CHECK (btrim("basis") <> '');

-- A child sits exactly one level below its parent, except a merged region, which sits below its
-- successor at the same level.
CREATE OR REPLACE FUNCTION revita_region_before_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parent_row "region"%ROWTYPE;
BEGIN
  IF NEW."parent_id" IS NULL THEN
    NEW."path" := ARRAY[NEW."id"];
    RETURN NEW;
  END IF;
  SELECT * INTO parent_row FROM "region" WHERE "id" = NEW."parent_id";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Region % (%): parent region id % does not exist', NEW."code", NEW."name_zh", NEW."parent_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'region_parent_level', TABLE = 'region';
  END IF;
  IF revita_region_level_rank(NEW."level") <> revita_region_level_rank(parent_row."level") + 1
     AND NOT (NEW."successor_id" = NEW."parent_id" AND NEW."level" = parent_row."level") THEN
    RAISE EXCEPTION 'Region % (%) is at level %, so it cannot sit under % (%), which is at level %: a child must be exactly one level below its parent',
      NEW."code", NEW."name_zh", NEW."level", parent_row."code", parent_row."name_zh", parent_row."level"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'region_parent_level', TABLE = 'region';
  END IF;
  NEW."path" := parent_row."path" || NEW."id";
  RETURN NEW;
END
$$;
DROP TRIGGER "region_before_write" ON "region";
CREATE TRIGGER "region_before_write"
  BEFORE INSERT OR UPDATE OF "parent_id", "level", "path", "successor_id" ON "region"
  FOR EACH ROW EXECUTE FUNCTION revita_region_before_write();

-- A region's parent on a day: the old parent of its first move or merger after that day, or its
-- parent today.
CREATE FUNCTION revita_region_parent_on(region_id int, on_date date) RETURNS int
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.old_parent_id FROM region_change c
      WHERE c.region_id = $1 AND c.kind IN ('MOVED', 'MERGED') AND c.effective_on > $2
      ORDER BY c.effective_on, c.id LIMIT 1),
    (SELECT r.parent_id FROM region r WHERE r.id = $1))
$$;

-- A region's Chinese and English names on a day: the old names of its first renaming after it.
CREATE FUNCTION revita_region_names_on(region_id int, on_date date, OUT name_zh text, OUT name_en text)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(c.old_name_zh, r.name_zh), coalesce(c.old_name_en, r.name_en)
    FROM region r
    LEFT JOIN LATERAL (SELECT old_name_zh, old_name_en FROM region_change
                        WHERE region_change.region_id = r.id AND kind = 'RENAMED' AND effective_on > $2
                        ORDER BY effective_on, id LIMIT 1) c ON true
   WHERE r.id = $1
$$;

-- The subtree of a region as it stood on a day: each region that existed then with its path from
-- the root given (the root first). Moves and mergers stay inside a county, so everything that was
-- ever below the root is today below the root's county (or below the root itself, from county
-- level up).
CREATE FUNCTION revita_tree_on(root int, on_date date) RETURNS TABLE (id int, path int[])
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE scope AS (
    SELECT r.id, r.valid_from, r.valid_to, revita_region_parent_on(r.id, on_date) AS parent_then
      FROM region r
     WHERE r.path @> ARRAY[coalesce(
             (SELECT c.id FROM region q JOIN region c ON c.id = ANY (q.path) AND c.level = 'COUNTY'
               WHERE q.id = root AND q.level > 'COUNTY'),
             root)]
  ), tree AS (
    SELECT s.id, ARRAY[s.id] AS path FROM scope s WHERE s.id = root
    UNION ALL
    SELECT s.id, t.path || s.id FROM scope s JOIN tree t ON s.parent_then = t.id
     WHERE (s.valid_from IS NULL OR s.valid_from <= on_date) AND (s.valid_to IS NULL OR s.valid_to > on_date)
  )
  SELECT tree.id, tree.path FROM tree
$$;

SELECT audit_table('region_change', 'id');
SELECT notify_changes_of('region_change');

-- Everyone reads the tree and its history; the admins of a county (or town) add, rename, move
-- and merge the towns and villages below it. The history is never rewritten.
GRANT SELECT, INSERT ON region_change TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE region_change_id_seq TO revita_api;
ALTER TABLE region_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_change_read ON region_change FOR SELECT TO revita_api USING (true);
CREATE POLICY region_change_insert ON region_change FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));

CREATE POLICY region_insert_tree ON region FOR INSERT TO revita_api
  WITH CHECK (level IN ('TOWNSHIP', 'VILLAGE')
              AND parent_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
-- path and updated_at change with a move: the trigger rewrites the subtree's paths as the writer.
GRANT UPDATE (name_zh, name_en, parent_id, path, valid_to, successor_id, updated_at) ON region TO revita_api;
CREATE POLICY region_update_tree ON region FOR UPDATE TO revita_api
  USING (level >= 'TOWNSHIP' AND id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))))
  WITH CHECK (level >= 'TOWNSHIP' AND parent_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
