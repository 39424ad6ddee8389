-- Appended to Bills/SelectBills.sql: live bills, newest first, one page.
order by b.created_at desc, b.id desc
limit @Limit offset @Offset
