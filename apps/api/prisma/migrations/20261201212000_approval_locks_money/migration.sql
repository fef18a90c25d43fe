-- Approval covers money too: inside a submitted or approved period of a project's progress (its
-- region's or a region's above), a payment dated in the period cannot be recorded, changed or
-- removed, and a project with a report in such a period cannot change its total investment — so
-- approved disbursement and completion rates stay what was approved (23.39 % did become 22.78 %
-- when a total was raised afterwards). Like the progress locks (data_entry migration):
-- statement-level for payments, SECURITY DEFINER so a town's editor is stopped by the county's
-- approval, SQLSTATE RV409 turned into a CONFLICT by the API.
CREATE FUNCTION revita_refuse_locked_payments() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT p.code AS project_code, c.paid_on, a.period AS approval_period, a.status, r.name_zh AS region_name
    INTO hit
    FROM changed_rows c
    JOIN fund_allocation fa ON fa.id = c.allocation_id
    JOIN project p ON p.id = fa.project_id
    JOIN region pr ON pr.id = p.region_id
    JOIN data_approval a ON a.data_set = 'PROGRESS' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (pr.path)
                        AND c.paid_on BETWEEN a.period_start AND a.period_end
    JOIN region r ON r.id = a.region_id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the progress of % for % is %: the payment to % on % is locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), hit.project_code, hit.paid_on
      USING ERRCODE = 'RV409', TABLE = 'disbursement';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "disbursement_locked_insert" AFTER INSERT ON "disbursement"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_payments();
CREATE TRIGGER "disbursement_locked_update_new" AFTER UPDATE ON "disbursement"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_payments();
CREATE TRIGGER "disbursement_locked_update_old" AFTER UPDATE ON "disbursement"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_payments();
CREATE TRIGGER "disbursement_locked_delete" AFTER DELETE ON "disbursement"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_payments();

-- A project's total is what its completion rate divides: locked while any of its reports (or a
-- phase's, for a project with phases) lies in a locked period.
CREATE FUNCTION revita_refuse_locked_total() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT rep.period AS report_period, a.period AS approval_period, a.status, r.name_zh AS region_name
    INTO hit
    FROM progress_report rep
    JOIN project p ON p.id = rep.project_id
    JOIN region pr ON pr.id = p.region_id
    JOIN data_approval a ON a.data_set = 'PROGRESS' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (pr.path)
                        AND a.period_start <= rep.period_start AND a.period_end >= rep.period_end
    JOIN region r ON r.id = a.region_id
   WHERE rep.project_id = NEW.id OR p.parent_id = NEW.id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the progress of % for % is %: the total investment of % is locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), NEW.code
      USING ERRCODE = 'RV409', TABLE = 'project';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "project_total_locked" BEFORE UPDATE OF total_investment ON "project"
  FOR EACH ROW WHEN (OLD.total_investment IS DISTINCT FROM NEW.total_investment)
  EXECUTE FUNCTION revita_refuse_locked_total();
