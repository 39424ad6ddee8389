-- How many live customers match (at the SEARCH marker: Search.sql's condition, or nothing for all).
select count(*) from wholesale.customers c
where c.deleted_at is null and c.merged_into is null /*SEARCH*/;
