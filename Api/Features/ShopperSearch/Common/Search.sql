-- Candidates of one merchant's hybrid search, with the lexical signals; SearchEngine fuses them with embedding and colour
-- similarity. Only active, displayed rows inside the price range and gender filter are eligible.
-- Text candidates come from shopper.search_candidates (db/sql/shopper/0002, 0003): it takes the merchant from app.tenant_id and
-- uses the (merchant, search_vector) GIN index, which a query under the row-level-security policy cannot (@@ is not
-- leakproof). Tiers, each only when the last found fewer than @Limit rows: every term, then (three to six terms) every
-- subset of n-1 terms down to pairs, one tier per size, NULL-separated in @Pairs (0005), then any term; within a tier the
-- best @PoolCap (@AnyCap for "any") by the cheap ts_rank are kept.
-- Colour candidates (colour mode, or a colour given and no text match) rank the eligible rows by CIELAB distance.
-- The function computes ts_rank_cd and per-term coverage for the rows it keeps; name similarity is computed for the top @Keep.
with q as (
    select case when @TsAll = '' then null else to_tsquery('english', @TsAll) end as q_all,
           case when @TsAny = '' then null else to_tsquery('english', @TsAny) end as q_any,
           (select array_agg(to_tsquery('english', t) order by i) from unnest(cast(@Pairs as text[])) with ordinality u(t, i)) as pair_qs,
           (select coalesce(array_agg(to_tsquery('english', t)), '{}') from unnest(cast(@Terms as text[])) t) as term_qs,
           case when cardinality(cast(@Materials as text[])) = 0 then null
                else to_tsquery('english', array_to_string(cast(@Materials as text[]), ' | ')) end as q_mat
),
eligible as not materialized (
    select p.id, p.search_vector, p.color_embedding, p.color_embedding_1, p.color_embedding_2, p.color_embedding_3
    from shopper.products p
    where p.merchant_id = @Merchant and p.status = 'active' and p.display_flag
      and (cast(@MinPrice as float8) is null or p.price_numeric >= cast(@MinPrice as float8))
      and (cast(@MaxPrice as float8) is null or p.price_numeric <= cast(@MaxPrice as float8))
      and (cardinality(cast(@Genders as text[])) = 0 or p.gender = any(cast(@Genders as text[])))
),
matched as materialized (
    select c.id, c.rank, c.matched
    from q, shopper.search_candidates(q.q_any, q.q_all, q.pair_qs, q.term_qs, cast(@MinPrice as float8), cast(@MaxPrice as float8),
                                      cast(@Genders as text[]), cast(@Limit as int), cast(@PoolCap as int), cast(@AnyCap as int)) c
    where @Mode <> 'color'
),
by_color as (
    select e.id from eligible e
    where cardinality(cast(@Color as real[])) = 3
      and (@Mode = 'color' or not exists (select from matched))
      and coalesce(e.color_embedding, e.color_embedding_1) is not null
    order by least(shopper.delta_e(e.color_embedding, cast(@Color as real[])), shopper.delta_e(e.color_embedding_1, cast(@Color as real[])),
                   shopper.delta_e(e.color_embedding_2, cast(@Color as real[])) + 8, shopper.delta_e(e.color_embedding_3, cast(@Color as real[])) + 15)
    limit @Keep
),
-- colour candidates match no term (colour mode has no terms; otherwise they come only when nothing matched)
scored as (
    select id, rank, matched, case when @Mode = 'color' then 0 else 1 end as text_mode from matched
    union all
    select c.id, 0, 0, case when @Mode = 'color' then 0 else 1 end from by_color c
),
top as (
    select s.id, s.rank, s.matched from scored s
    order by s.text_mode * (s.rank / (s.rank + 0.2) + s.matched::float8 / greatest(cardinality(cast(@Terms as text[])), 1)) desc, s.id
    limit @Keep
)
select p.id as "Id", p.product_id as "ProductId", p.product_name as "ProductName", p.handle as "Handle",
       p.product_details as "ProductDetails", p.brand as "Brand", p.category as "Category", p.sub_category as "SubCategory",
       p.color as "Color", p.tags as "Tags", p.price as "Price", p.price_numeric as "PriceNumeric",
       p.variant_compare_at_price as "VariantCompareAtPrice", p.option1_name as "Option1Name", p.gender as "Gender",
       p.image1 as "Image1", p.image1_description as "Image1Description", p.status as "Status", p.display_flag as "DisplayFlag",
       case when p.metadata_json = '{}'::jsonb then null else p.metadata_json::text end as "MetadataJson",
       t.rank as "Rank", t.matched as "Matched",
       shopper.name_similarity(@Raw, lower(p.product_name)) as "NameSimilarity",
       p.text_embedding as "TextEmbedding", p.text_embedding_model as "TextEmbeddingModel",
       p.color_embedding as "ColorLab", p.color_embedding_1 as "Color1", p.color_embedding_2 as "Color2", p.color_embedding_3 as "Color3",
       p.percent_1 as "Percent1", p.percent_2 as "Percent2", p.percent_3 as "Percent3",
       case when q.q_mat is null then false else p.search_vector @@ q.q_mat end as "MaterialMatch"
from top t join shopper.products p on p.id = t.id, q;
