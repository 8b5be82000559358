-- Flyway callback, run after every migrate by the schema owner. In a deployment the service itself
-- connects as a DML-only role (deploy/README.md, "Database roles"): it may read and write rows, never
-- change the schema. Where that role does not exist (development, tests) there is nothing to grant.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), '${app_role}');
    END IF;
END
$$;
