-- A batch of the merchant's enriched products whose text vectors are missing or come from another model than @Model, after @AfterId.
select id as "Id", product_name as "ProductName", product_details as "ProductDetails", category as "Category", sub_category as "SubCategory",
       brand as "Brand", color as "Color", tags as "Tags", image1_description as "Image1Description", color_names as "ColorNames"
from shopper.products
where merchant_id = @Merchant and enriched_at is not null and id > @AfterId
  and (text_embedding is null or text_embedding_model is distinct from @Model)
order by id limit @Take;
