-- The merchant's synonym table (term → synonyms).
select term as "Term", synonyms as "Synonyms" from shopper.product_synonyms where merchant_id = @Merchant;
