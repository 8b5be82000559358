-- Every supported unit is a concentration: bounds are never negative, and nothing near a billion of
-- any of these units is a plausible limit. Checked in Java too; the database is the last line.
ALTER TABLE range_revision
    ADD CONSTRAINT range_revision_bounds_plausible CHECK (
        (low IS NULL OR (low >= 0 AND low < 1000000000))
        AND (high IS NULL OR (high >= 0 AND high < 1000000000)));
