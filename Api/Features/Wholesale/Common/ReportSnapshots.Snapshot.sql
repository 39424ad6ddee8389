-- The snapshot this statement runs with (xmin:xmax:in-progress xids); a report computed after it sees at least what it saw.
select pg_current_snapshot()::text;
