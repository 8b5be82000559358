#!/bin/sh
# Run once by the postgres image when it initialises an empty data directory: creates the
# DML-only login role reference-ranges-service connects as. Its grants come from the
# service's migrations (afterMigrate.sql), which run as the owner (POSTGRES_USER).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=app_user="$LABRANGE_APP_USER" --set=app_password="$LABRANGE_APP_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
SQL
