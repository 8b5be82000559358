-- Analytes become administered data with the guarantees ranges have: an append-only list of revisions per
-- analyte, numbered without gaps, stamped with the database's clock, each with an author and a reason.
--
-- * `analyte` keeps only the identity (the code, which never changes); what an
--   analyte is (LOINC, names, specimen, canonical unit, molar mass, precision, variation) lives in
--   `analyte_revision`. The two seeded analytes become revision 1, restating what V2 loaded.
-- * Revisions draw their number in the change sequence from the same sequence as range revisions, so
--   consumers that cache on the change sequence (GET /changes/latest, timeline ETags) see an analyte change
--   exactly like a range change. Writers of both serialise on one advisory lock (see RangeStore).
-- * The `unit` table goes: a range's unit is valid when UCUM says it is commensurable with the analyte's
--   canonical unit as known when the range is written (checked by the service, which has UCUM); the
--   database keeps only the shape of a UCUM code (printable ASCII, no spaces).
-- * Specimens are a wider controlled vocabulary (documented in the service README, with the HL7 v2 table
--   0487 code of each). Today's four values keep their names and meaning.

CREATE TABLE analyte_revision (
    seq                       bigint PRIMARY KEY,
    analyte_code              text NOT NULL REFERENCES analyte (code),
    revision                  integer NOT NULL CHECK (revision >= 1),
    action                    text NOT NULL CHECK (action IN ('CREATE', 'REVISE', 'RETIRE')),
    status                    text NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    loinc                     text CHECK (loinc ~ '^[0-9]{1,7}-[0-9]$'),
    display_name              text NOT NULL CHECK (length(btrim(display_name)) > 0),
    aliases                   text[] NOT NULL DEFAULT '{}',
    specimen                  text NOT NULL CHECK (specimen IN (
                                  'SERUM_PLASMA', 'SERUM', 'PLASMA', 'BLOOD', 'BLOOD_ARTERIAL', 'BLOOD_VENOUS',
                                  'BLOOD_CORD', 'URINE', 'URINE_24H', 'CSF', 'SALIVA', 'STOOL', 'PLEURAL_FLUID',
                                  'SYNOVIAL_FLUID', 'AMNIOTIC_FLUID', 'SEMINAL_FLUID', 'SWEAT')),
    unit                      text NOT NULL CHECK (unit ~ '^[!-~]{1,64}$'),
    molar_mass_g_per_mol      numeric CHECK (molar_mass_g_per_mol > 0),
    display_precision         integer CHECK (display_precision BETWEEN 0 AND 6),
    analytical_cv_percent     numeric CHECK (analytical_cv_percent >= 0 AND analytical_cv_percent < 1000),
    within_subject_cv_percent numeric CHECK (within_subject_cv_percent >= 0 AND within_subject_cv_percent < 1000),
    cv_citation               text,
    recorded_at               timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by               text NOT NULL CHECK (length(btrim(recorded_by)) > 0),
    reason                    text NOT NULL CHECK (length(btrim(reason)) > 0),
    CONSTRAINT analyte_revision_number_unique UNIQUE (analyte_code, revision),
    CONSTRAINT analyte_revision_cv_cited CHECK (
        (analytical_cv_percent IS NULL AND within_subject_cv_percent IS NULL)
        OR length(btrim(coalesce(cv_citation, ''))) > 0),
    CONSTRAINT analyte_revision_action_matches CHECK (
        (revision = 1 AND action = 'CREATE' AND status = 'ACTIVE')
        OR (revision > 1 AND action = 'REVISE' AND status = 'ACTIVE')
        OR (revision > 1 AND action = 'RETIRE' AND status = 'RETIRED'))
);
CREATE INDEX analyte_revision_recorded_idx ON analyte_revision (recorded_at);

-- Numbers grow by exactly one per analyte; the change sequence and the transaction time are the
-- database's, whatever the client sent.
CREATE FUNCTION analyte_revision_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    latest integer;
BEGIN
    SELECT max(revision) INTO latest FROM analyte_revision WHERE analyte_code = NEW.analyte_code;
    IF NEW.revision <> coalesce(latest, 0) + 1 THEN
        RAISE EXCEPTION 'revision % of analyte % would leave a gap or duplicate (latest is %)',
            NEW.revision, NEW.analyte_code, coalesce(latest, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.seq := nextval(pg_get_serial_sequence('range_revision', 'seq'));
    NEW.recorded_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE TRIGGER analyte_revision_numbering BEFORE INSERT ON analyte_revision
    FOR EACH ROW EXECUTE FUNCTION analyte_revision_before_insert();

INSERT INTO analyte_revision (analyte_code, revision, action, status, loinc, display_name, aliases, specimen,
                              unit, molar_mass_g_per_mol, analytical_cv_percent, within_subject_cv_percent,
                              recorded_by, reason)
SELECT a.code, 1, 'CREATE', 'ACTIVE', a.loinc, a.display_name,
       coalesce((SELECT array_agg(x.alias ORDER BY x.alias) FROM analyte_alias x WHERE x.analyte_code = a.code),
                '{}'),
       a.specimen, a.unit, a.molar_mass_g_per_mol, a.analytical_cv_percent, a.within_subject_cv_percent,
       'seed', 'Loaded from the B2M seed (V2__seed_b2m.sql): the analyte as the seed defined it'
  FROM analyte a
 ORDER BY a.code;

INSERT INTO audit_entry (actor, action, subject_type, subject_id, reason, detail)
SELECT 'seed', 'ANALYTE_CREATE', 'ANALYTE', a.code || '#1',
       'Loaded from the B2M seed (V2__seed_b2m.sql): the analyte as the seed defined it',
       'analytes became revisioned data; revision 1 restates the seed'
  FROM analyte a
 ORDER BY a.code;

-- The identity keeps only what never changes.
DROP TABLE analyte_alias;
ALTER TABLE analyte
    DROP COLUMN loinc,
    DROP COLUMN display_name,
    DROP COLUMN specimen,
    DROP COLUMN unit,
    DROP COLUMN molar_mass_g_per_mol,
    DROP COLUMN analytical_cv_percent,
    DROP COLUMN within_subject_cv_percent;

CREATE TRIGGER analyte_immutable BEFORE UPDATE OR DELETE ON analyte
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER analyte_no_truncate BEFORE TRUNCATE ON analyte
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER analyte_revision_immutable BEFORE UPDATE OR DELETE ON analyte_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER analyte_revision_no_truncate BEFORE TRUNCATE ON analyte_revision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Units are UCUM codes checked by the service; the fixed list goes.
ALTER TABLE range_revision DROP CONSTRAINT range_revision_unit_fkey;
DROP TABLE unit;
ALTER TABLE range_revision ADD CONSTRAINT range_revision_unit_shape CHECK (unit ~ '^[!-~]{1,64}$');

-- One change feed for both kinds of revision, in sequence order.
CREATE VIEW change_entry AS
SELECT seq, recorded_at, 'RANGE' AS subject FROM range_revision
UNION ALL
SELECT seq, recorded_at, 'ANALYTE' AS subject FROM analyte_revision;
