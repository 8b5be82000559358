-- Schema of the reference-ranges service.
--
-- Range revisions are append-only. PostgreSQL itself refuses UPDATE, DELETE and TRUNCATE on them,
-- numbers them without gaps, checks bounds, units, categories and populations, and stamps the
-- transaction time. The Java code is a second line of defence, not the only one.

CREATE TABLE unit (
    code      text PRIMARY KEY,
    dimension text NOT NULL CHECK (dimension IN ('MASS_CONCENTRATION', 'SUBSTANCE_CONCENTRATION'))
);

-- UCUM codes accepted for stored ranges. "mcg" and "µg" are spellings people type; UCUM writes "ug".
INSERT INTO unit (code, dimension) VALUES
    ('g/L', 'MASS_CONCENTRATION'),
    ('mg/L', 'MASS_CONCENTRATION'),
    ('mg/dL', 'MASS_CONCENTRATION'),
    ('ug/mL', 'MASS_CONCENTRATION'),
    ('ug/L', 'MASS_CONCENTRATION'),
    ('ng/mL', 'MASS_CONCENTRATION'),
    ('mmol/L', 'SUBSTANCE_CONCENTRATION'),
    ('umol/L', 'SUBSTANCE_CONCENTRATION'),
    ('nmol/L', 'SUBSTANCE_CONCENTRATION');

CREATE TABLE analyte (
    code                      text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    loinc                     text CHECK (loinc ~ '^[0-9]{1,7}-[0-9]$'),
    display_name              text NOT NULL CHECK (length(btrim(display_name)) > 0),
    specimen                  text NOT NULL CHECK (specimen IN ('SERUM_PLASMA', 'BLOOD', 'URINE', 'CSF')),
    unit                      text NOT NULL REFERENCES unit (code),
    molar_mass_g_per_mol      numeric CHECK (molar_mass_g_per_mol > 0),
    analytical_cv_percent     numeric CHECK (analytical_cv_percent >= 0),
    within_subject_cv_percent numeric CHECK (within_subject_cv_percent >= 0)
);

CREATE TABLE analyte_alias (
    analyte_code text NOT NULL REFERENCES analyte (code),
    alias        text NOT NULL CHECK (length(btrim(alias)) > 0),
    PRIMARY KEY (analyte_code, alias)
);
CREATE INDEX analyte_alias_lower_idx ON analyte_alias (lower(alias));

CREATE TABLE source (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name     text NOT NULL CHECK (length(btrim(name)) > 0),
    kind     text NOT NULL CHECK (kind IN ('LAB', 'TEXTBOOK', 'OPTIMAL', 'LOCAL')),
    citation text NOT NULL CHECK (length(btrim(citation)) > 0),
    url      text
);

-- The identity of a range: which analyte, which source, which category. These never change; a
-- range that should move to another analyte, source or category is a new range.
CREATE TABLE range_identity (
    id           uuid PRIMARY KEY,
    analyte_code text NOT NULL REFERENCES analyte (code),
    source_code  text NOT NULL REFERENCES source (code),
    category     text NOT NULL CHECK (category IN ('REFERENCE', 'OPTIMAL', 'CRITICAL', 'ABSOLUTE')),
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX range_identity_analyte_idx ON range_identity (analyte_code, source_code);

CREATE TABLE range_revision (
    -- Global, commit-ordered change sequence (writers serialise on an advisory lock).
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    range_id       uuid NOT NULL REFERENCES range_identity (id),
    revision       integer NOT NULL CHECK (revision >= 1),
    action         text NOT NULL CHECK (action IN ('CREATE', 'REVISE', 'RETIRE')),
    status         text NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    low            numeric,
    low_inclusive  boolean NOT NULL,
    high           numeric,
    high_inclusive boolean NOT NULL,
    unit           text NOT NULL REFERENCES unit (code),
    sex            text NOT NULL CHECK (sex IN ('ANY', 'FEMALE', 'MALE')),
    age_min        integer CHECK (age_min >= 0),
    age_max        integer CHECK (age_max > 0),
    age_unit       text NOT NULL CHECK (age_unit IN ('DAYS', 'MONTHS', 'YEARS')),
    condition      text,
    method         text,
    note           text,
    effective_from date NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by    text NOT NULL CHECK (length(btrim(recorded_by)) > 0),
    reason         text NOT NULL CHECK (length(btrim(reason)) > 0),
    CONSTRAINT range_revision_number_unique UNIQUE (range_id, revision),
    CONSTRAINT range_revision_low_not_above_high CHECK (
        low IS NULL OR high IS NULL OR low < high OR (low = high AND low_inclusive AND high_inclusive)),
    CONSTRAINT range_revision_has_a_bound CHECK (status = 'RETIRED' OR low IS NOT NULL OR high IS NOT NULL),
    CONSTRAINT range_revision_age_ordered CHECK (age_min IS NULL OR age_max IS NULL OR age_min < age_max),
    CONSTRAINT range_revision_action_matches CHECK (
        (revision = 1 AND action = 'CREATE' AND status = 'ACTIVE')
        OR (revision > 1 AND action = 'REVISE' AND status = 'ACTIVE')
        OR (revision > 1 AND action = 'RETIRE' AND status = 'RETIRED'))
);
CREATE INDEX range_revision_recorded_idx ON range_revision (recorded_at);

-- Every write, with who and why. Range revisions carry their own who/why as well.
CREATE TABLE audit_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor        text NOT NULL CHECK (length(btrim(actor)) > 0),
    action       text NOT NULL,
    subject_type text NOT NULL,
    subject_id   text NOT NULL,
    reason       text NOT NULL CHECK (length(btrim(reason)) > 0),
    detail       text
);
CREATE INDEX audit_entry_recorded_idx ON audit_entry (recorded_at);

-- Revision numbers start at 1 and grow by exactly one per range; the transaction time is the
-- database's clock, whatever the client sent.
CREATE FUNCTION range_revision_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    latest integer;
BEGIN
    SELECT max(revision) INTO latest FROM range_revision WHERE range_id = NEW.range_id;
    IF NEW.revision <> coalesce(latest, 0) + 1 THEN
        RAISE EXCEPTION 'revision % of range % would leave a gap or duplicate (latest is %)',
            NEW.revision, NEW.range_id, coalesce(latest, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.recorded_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE TRIGGER range_revision_numbering BEFORE INSERT ON range_revision
    FOR EACH ROW EXECUTE FUNCTION range_revision_before_insert();

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER range_revision_immutable BEFORE UPDATE OR DELETE ON range_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER range_revision_no_truncate BEFORE TRUNCATE ON range_revision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER range_identity_immutable BEFORE UPDATE OR DELETE ON range_identity
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER range_identity_no_truncate BEFORE TRUNCATE ON range_identity
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_entry_immutable BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Valid-time periods as known now. A revision applies from its effective_from until the earliest
-- effective_from of any later revision of the same range; a later revision always wins, so two
-- revisions of one range can never be in effect on the same day. The period is empty when a later
-- revision starts on or before this one (a correction that replaced it completely).
CREATE VIEW range_revision_period AS
SELECT r.seq, r.range_id, r.revision, r.effective_from,
       (SELECT min(l.effective_from) FROM range_revision l
         WHERE l.range_id = r.range_id AND l.revision > r.revision) AS effective_to
  FROM range_revision r;
