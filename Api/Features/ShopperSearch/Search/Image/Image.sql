-- Image-search candidates of one merchant: active, displayed products with image-derived (or stated) colours, the @Pool
-- closest to each dominant colour of the upload by CIELAB ΔE to the product's stated colour and its three dominant image
-- colours (smaller dominant colours penalised as in colour search); products with only a visual descriptor come last.
-- No rows: the merchant has no products with colours or descriptors.
with eligible as (
    select p.id, p.color_embedding, p.color_embedding_1, p.color_embedding_2, p.color_embedding_3
    from shopper.products p
    where p.merchant_id = @Merchant and p.status = 'active' and p.display_flag
      and (p.color_embedding is not null or p.color_embedding_1 is not null or p.img_embedding is not null)
),
ranked as (
    select e.id, row_number() over (partition by q.n order by
               least(shopper.delta_e(e.color_embedding, q.c), shopper.delta_e(e.color_embedding_1, q.c),
                     shopper.delta_e(e.color_embedding_2, q.c) + 8, shopper.delta_e(e.color_embedding_3, q.c) + 15) nulls last, e.id) as rn
    from eligible e,
         (values (1, cast(@Q1 as real[])), (2, cast(@Q2 as real[])), (3, cast(@Q3 as real[]))) q(n, c)
    where cardinality(q.c) = 3
),
pool as (select distinct id from ranked where rn <= @Pool)
select p.id as "Id", p.product_id as "ProductId", p.product_name as "ProductName", p.brand as "Brand", p.category as "Category",
       p.color as "Color", p.price as "Price", p.price_numeric as "PriceNumeric", p.image1 as "Image1",
       p.img_embedding as "ImgEmbedding",
       p.color_embedding as "ColorLab", p.color_embedding_1 as "Color1", p.color_embedding_2 as "Color2", p.color_embedding_3 as "Color3",
       p.percent_1 as "Percent1", p.percent_2 as "Percent2", p.percent_3 as "Percent3"
from pool join shopper.products p on p.id = pool.id
where p.merchant_id = @Merchant;
