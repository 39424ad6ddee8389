-- Every order updates its products' stock_quantity/in_stock. With full pages those updates cannot be HOT, so each one adds
-- entries to every index of products, the two GIN search indexes included. Room on each page (as AdPriority's products,
-- adpriority/0003) keeps them HOT: no indexed column changes when stock moves. Applies to pages written from now on;
-- the demo and bench loads come after it.
alter table wholesale.products set (fillfactor = 80);
