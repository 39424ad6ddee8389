-- A batch of the merchant's products still awaiting enrichment (enriched_at null), after @AfterId.
select id as "Id", product_name as "ProductName", product_details as "ProductDetails", category as "Category", sub_category as "SubCategory",
       brand as "Brand", color as "Color", tags as "Tags", gender as "Gender", image1 as "Image1", image1_description as "Image1Description",
       color_names as "ColorNames", color_embedding_1 as "Color1"
from shopper.products where merchant_id = @Merchant and enriched_at is null and id > @AfterId order by id limit @Take;
