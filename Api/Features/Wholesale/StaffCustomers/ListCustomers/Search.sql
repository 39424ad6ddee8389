-- The search condition (a case-insensitive substring, LIKE wildcards escaped by the handler), served by the trigram index
-- customers_staff_search (0008).
and wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search
