-- Drops the change-log rows of transactions that had finished when the (old) snapshot @Snap was taken.
delete from wholesale.report_changes where xid < pg_snapshot_xmin(@Snap::pg_snapshot);
