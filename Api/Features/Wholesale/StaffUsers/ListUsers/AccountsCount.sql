-- Website-registered customer accounts (kind account with a login; not deleted or merged) matching the search.
select count(*) from wholesale.customers c
where c.kind = 'account' and c.password_hash is not null and c.deleted_at is null and c.merged_into is null
  and (cast(@Search as text) is null
       or wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search);
