-- The exact lexical signals for text-search candidates picked by the in-process index (TermIndex), the same columns as
-- Search.sql returns. The rows are read under the row-level-security policy by primary key; status, display flag, price,
-- gender and a match of any query term are checked again, so a candidate from an index built before a write never shows
-- a product that no longer qualifies. A separate statement rather than an @Ids branch in Search.sql on purpose: that
-- merged form was measured 3-4 ms slower per miss at two connections (bench miss p50 13.5 against 9-10 ms), so the
-- select list is repeated here. @VectorIds: candidates of the vector index (VectorIndex), which need no lexical match.
with q as (
    select to_tsquery('english', @TsAny) as q_any,
           (select coalesce(array_agg(to_tsquery('english', t)), '{}') from unnest(cast(@Terms as text[])) t) as term_qs,
           case when cardinality(cast(@Materials as text[])) = 0 then null
                else to_tsquery('english', array_to_string(cast(@Materials as text[]), ' | ')) end as q_mat
)
select p.id as "Id", p.product_id as "ProductId", p.product_name as "ProductName", p.handle as "Handle",
       p.product_details as "ProductDetails", p.brand as "Brand", p.category as "Category", p.sub_category as "SubCategory",
       p.color as "Color", p.tags as "Tags", p.price as "Price", p.price_numeric as "PriceNumeric",
       p.variant_compare_at_price as "VariantCompareAtPrice", p.option1_name as "Option1Name", p.gender as "Gender",
       p.image1 as "Image1", p.image1_description as "Image1Description", p.status as "Status", p.display_flag as "DisplayFlag",
       case when p.metadata_json = '{}'::jsonb then null else p.metadata_json::text end as "MetadataJson",
       ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', p.search_vector, q.q_any) as "Rank",
       (select count(*) from unnest(q.term_qs) t where p.search_vector @@ t)::int as "Matched",
       shopper.name_similarity(@Raw, lower(p.product_name)) as "NameSimilarity",
       p.text_embedding as "TextEmbedding", p.text_embedding_model as "TextEmbeddingModel",
       p.color_embedding as "ColorLab", p.color_embedding_1 as "Color1", p.color_embedding_2 as "Color2", p.color_embedding_3 as "Color3",
       p.percent_1 as "Percent1", p.percent_2 as "Percent2", p.percent_3 as "Percent3",
       case when q.q_mat is null then false else p.search_vector @@ q.q_mat end as "MaterialMatch"
from unnest(cast(@Ids as bigint[])) i(id)
join shopper.products p on p.id = i.id
cross join q
where p.merchant_id = @Merchant and p.status = 'active' and p.display_flag
  and (p.search_vector @@ q.q_any or p.id = any(cast(@VectorIds as bigint[])))
  and (cast(@MinPrice as float8) is null or p.price_numeric >= cast(@MinPrice as float8))
  and (cast(@MaxPrice as float8) is null or p.price_numeric <= cast(@MaxPrice as float8))
  and (cardinality(cast(@Genders as text[])) = 0 or p.gender = any(cast(@Genders as text[])));
