-- true: a transaction that the snapshot @Snap did not see has since committed a write of orders or order lines (the log of
-- 0021), counting with @Before only writes touching an order created before it. A report cached at @Snap is then stale.
-- Rows below the snapshot's xmin were finished before it was taken, so the probe reads only the log's newest rows.
select exists (
    select 1
    from wholesale.report_changes c
    where c.xid >= pg_snapshot_xmin(@Snap::pg_snapshot)
      and not pg_visible_in_snapshot(c.xid, @Snap::pg_snapshot)
      and (@Before::timestamptz is null or c.since < @Before));
