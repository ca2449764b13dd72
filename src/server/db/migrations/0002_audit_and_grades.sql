-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE through any path.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Default sensitivity grades (SPEC §11): personal contact details, family, income, credit
-- grade and key-person notes are confidential; business profile is internal; the rest public.
INSERT INTO field_grades (entity, field, grade) VALUES
  ('customer', 'phone', 'confidential'),
  ('customer', 'email', 'confidential'),
  ('customer', 'address', 'confidential'),
  ('customer', 'birthDate', 'confidential'),
  ('customer', 'maritalStatus', 'confidential'),
  ('customer', 'family', 'confidential'),
  ('customer', 'incomeBand', 'confidential'),
  ('customer', 'creditGrade', 'confidential'),
  ('customer', 'personality', 'confidential'),
  ('customer', 'beliefs', 'confidential'),
  ('customer', 'buyingMotives', 'internal'),
  ('customer', 'lifestyle', 'internal'),
  ('customer', 'employer', 'internal'),
  ('customer', 'position', 'internal'),
  ('customer', 'tradeTerms', 'internal'),
  ('customer', 'closeness', 'internal'),
  ('customer', 'willingness', 'internal'),
  ('customer', 'salesAbility', 'internal'),
  ('customer', 'businessResults', 'internal'),
  ('customer', 'strengths', 'internal'),
  ('customer', 'problems', 'internal'),
  ('customer', 'categorySpendCents', 'internal'),
  ('customer', 'notes', 'internal'),
  ('contact', 'phone', 'confidential'),
  ('contact', 'email', 'confidential'),
  ('contact', 'birthDate', 'confidential'),
  ('contact', 'personality', 'confidential'),
  ('contact', 'interests', 'internal'),
  ('contact', 'notes', 'confidential');
