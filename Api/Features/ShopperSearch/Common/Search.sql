-- Candidates of one merchant's hybrid search, with the lexical signals; SearchEngine fuses them with embedding and colour
-- similarity. Only active, displayed rows inside the price range and gender filter are eligible. Candidate sources, each
-- relaxing the last only when it found fewer than @Limit rows: rows matching every term (AND); rows matching at least two
-- terms (@TsSome, for three or more terms); rows matching any term (OR, at most @AnyCap); in colour mode (or when the text
-- finds nothing and a colour was given) rows ranked by CIELAB distance. No rows: nothing matched.
-- Under row-level security PostgreSQL does not use the GIN index for @@ (ts_match_vq is not leakproof, so it may not run
-- before the policy's filter): the text sources share one scan of the merchant's rows ("matched").
with q as (
    select case when @TsAll = '' then null else to_tsquery('english', @TsAll) end as q_all,
           case when @TsAny = '' then null else to_tsquery('english', @TsAny) end as q_any,
           case when @TsSome = '' then null else to_tsquery('english', @TsSome) end as q_some,
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
-- one pass over the merchant's rows: every row matching any term, flagged when it matches all terms or at least two
-- (all ⊂ two ⊂ any), so only the matches are kept, not the catalog
matched as materialized (
    select e.id,
           q.q_all is not null and e.search_vector @@ q.q_all as m_all,
           q.q_some is not null and e.search_vector @@ q.q_some as m_some
    from eligible e, q
    where q.q_any is not null and e.search_vector @@ q.q_any
),
by_all as (
    select id from matched where m_all limit @PoolCap
),
by_some as (
    select id from matched where m_some and (select count(*) from by_all) < @Limit limit @PoolCap
),
by_any as (
    select id from matched where (select count(*) from by_all) + (select count(*) from by_some) < @Limit limit @AnyCap
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
pool as (select id from by_all union select id from by_some union select id from by_any union select id from by_color),
scored as (
    select p.id,
           case when q.q_any is null then 0 else ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', p.search_vector, q.q_any) end as rank,
           (select count(*) from unnest(q.term_qs) tq where p.search_vector @@ tq) as matched,
           case when @Mode = 'color' then 0 else 1 end as text_mode
    from pool join shopper.products p on p.id = pool.id, q
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
       p.text_embedding as "TextEmbedding",
       p.color_embedding as "ColorLab", p.color_embedding_1 as "Color1", p.color_embedding_2 as "Color2", p.color_embedding_3 as "Color3",
       p.percent_1 as "Percent1", p.percent_2 as "Percent2", p.percent_3 as "Percent3",
       case when q.q_mat is null then false else p.search_vector @@ q.q_mat end as "MaterialMatch"
from top t join shopper.products p on p.id = t.id, q;
