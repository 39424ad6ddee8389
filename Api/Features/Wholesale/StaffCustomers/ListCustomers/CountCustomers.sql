-- How many live customers match the search (null: all).
select count(*) from wholesale.customers c
where c.deleted_at is null and c.merged_into is null
  and (cast(@Search as text) is null
       or wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search);
