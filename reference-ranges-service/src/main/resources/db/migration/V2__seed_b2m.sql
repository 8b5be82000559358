-- Beta-2 microglobulin (B2M): analytes, sources and the ranges published by each source, loaded as
-- revision 1 of each range.
--
-- Figures come from the B2M overview this product started from (Sept 2023), which cites:
--   Quest Diagnostics, "Beta-2-Microglobulin, Serum": adults <= 2.51 mg/L
--   Labcorp, "Beta-2 Microglobulin, Serum": 0.6-2.4 mg/L
--   Pagana KD et al., Mosby's Diagnostic and Laboratory Test Reference, 16th ed., Mosby 2022:
--     blood 0.7-1.8 mcg/mL (= mg/L); urine <= 300 mcg/L
-- The overview prints the urine limit as "<= 300 mcg/L (mg/L)". 300 mg/L would be a thousand times
-- the serum limit, so we read it as 300 ug/L, i.e. 0.3 mg/L, and store it in the canonical mg/L.
-- No optimal range for B2M is published there, so none is loaded.
-- The sources give no adoption dates; revision 1 is effective from 2022-01-01 (the year of the
-- textbook edition) so that recent results can be interpreted. Admins record real dates with new
-- revisions.

INSERT INTO analyte (code, loinc, display_name, specimen, unit, molar_mass_g_per_mol) VALUES
    ('1952-1', '1952-1', 'Beta-2 microglobulin [mass/volume] in serum or plasma', 'SERUM_PLASMA', 'mg/L', 11800),
    ('1953-9', '1953-9', 'Beta-2 microglobulin [mass/volume] in urine', 'URINE', 'mg/L', 11800);

INSERT INTO analyte_alias (analyte_code, alias) VALUES
    ('1952-1', 'B2M'), ('1952-1', 'B2MG'), ('1952-1', 'beta-2 microglobulin'),
    ('1952-1', 'beta-2-microglobulin'), ('1952-1', 'beta2-microglobulin'),
    ('1952-1', 'beta 2 microglobulin'), ('1952-1', 'β2-microglobulin'), ('1952-1', 'β2M'),
    ('1953-9', 'B2M'), ('1953-9', 'B2MG'), ('1953-9', 'beta-2 microglobulin'),
    ('1953-9', 'beta-2-microglobulin'), ('1953-9', 'beta2-microglobulin'),
    ('1953-9', 'beta 2 microglobulin'), ('1953-9', 'β2-microglobulin'), ('1953-9', 'β2M'),
    ('1953-9', 'urine B2M');

INSERT INTO source (code, name, kind, citation, url) VALUES
    ('quest', 'Quest Diagnostics', 'LAB',
     'Quest Diagnostics test directory: Beta-2-Microglobulin, Serum (reference range for adults)', NULL),
    ('labcorp', 'Labcorp', 'LAB',
     'Labcorp test menu: Beta-2 Microglobulin, Serum', NULL),
    ('mosby-pagana-2022', 'Mosby''s Diagnostic and Laboratory Test Reference (Pagana, 2022)', 'TEXTBOOK',
     'Pagana KD, Pagana TJ, Pagana TN. Mosby''s Diagnostic and Laboratory Test Reference, 16th ed. St. Louis: Mosby; 2022.', NULL);

INSERT INTO range_identity (id, analyte_code, source_code, category) VALUES
    ('1952e001-0000-4000-8000-000000000001', '1952-1', 'quest', 'REFERENCE'),
    ('1952e001-0000-4000-8000-000000000002', '1952-1', 'labcorp', 'REFERENCE'),
    ('1952e001-0000-4000-8000-000000000003', '1952-1', 'mosby-pagana-2022', 'REFERENCE'),
    ('1953e009-0000-4000-8000-000000000001', '1953-9', 'mosby-pagana-2022', 'REFERENCE');

INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive,
                            unit, sex, age_min, age_max, age_unit, note, effective_from, recorded_by, reason)
VALUES
    ('1952e001-0000-4000-8000-000000000001', 1, 'CREATE', 'ACTIVE', NULL, true, 2.51, true,
     'mg/L', 'ANY', 18, NULL, 'YEARS', 'Published for adults only; one-sided (no lower limit).',
     DATE '2022-01-01', 'seed', 'Initial load of published B2M ranges'),
    ('1952e001-0000-4000-8000-000000000002', 1, 'CREATE', 'ACTIVE', 0.6, true, 2.4, true,
     'mg/L', 'ANY', NULL, NULL, 'YEARS', NULL,
     DATE '2022-01-01', 'seed', 'Initial load of published B2M ranges'),
    ('1952e001-0000-4000-8000-000000000003', 1, 'CREATE', 'ACTIVE', 0.7, true, 1.8, true,
     'mg/L', 'ANY', NULL, NULL, 'YEARS', 'Published for blood as 0.7-1.8 mcg/mL (equal to mg/L); applied to serum/plasma.',
     DATE '2022-01-01', 'seed', 'Initial load of published B2M ranges'),
    ('1953e009-0000-4000-8000-000000000001', 1, 'CREATE', 'ACTIVE', NULL, true, 0.3, true,
     'mg/L', 'ANY', NULL, NULL, 'YEARS', 'Published as <= 300 mcg/L, read as 300 ug/L = 0.3 mg/L.',
     DATE '2022-01-01', 'seed', 'Initial load of published B2M ranges');

INSERT INTO audit_entry (actor, action, subject_type, subject_id, reason, detail)
VALUES ('seed', 'SEED', 'ANALYTE', '1952-1,1953-9', 'Initial load of published B2M ranges',
        '4 ranges from Quest, Labcorp and Mosby/Pagana 2022');
