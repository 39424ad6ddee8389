-- Website-registered customer accounts (kind account with a login; not deleted or merged) matching the search.
select count(*) from wholesale.customers c
where c.kind = 'account' and c.password_hash is not null and c.deleted_at is null and c.merged_into is null
  /*SEARCH*/;
