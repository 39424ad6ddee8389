-- The merchant's searchable lexemes with document counts (for typo correction), and its synonym table.
select word as "Word", ndoc as "Docs"
from ts_stat(format('select search_vector from shopper.products where merchant_id = %s and status = ''active'' and display_flag', cast(@Merchant as bigint)));
