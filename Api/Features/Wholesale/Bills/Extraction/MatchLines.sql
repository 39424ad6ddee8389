-- The best live catalog product for each bill line: the same SKU first, else the product whose name is most similar to the
-- normalised description (pg_trgm: candidates through the search_text trigram index, ranked by name similarity >= 0.3).
-- Every input line comes back; ProductId null: nothing we carry matched.
select l.line_no as "LineNo", m.id as "ProductId", m.sku as "Sku", m.name as "Name", m.unit_price as "UnitPrice",
       m.unit_size as "UnitSize", m.score as "Score"
from jsonb_to_recordset(cast(@Lines as jsonb)) as l(line_no int, sku text, q text)
left join lateral (
    select c.id, c.sku, c.name, c.unit_price, c.unit_size, c.score
    from (
        select p.id, p.sku, p.name, p.unit_price, p.unit_size, 1.0::real as score, 0 as pri
        from wholesale.products p
        where l.sku is not null and lower(p.sku) = lower(l.sku) and p.deleted_at is null and p.is_active
        union all
        select p.id, p.sku, p.name, p.unit_price, p.unit_size, similarity(lower(p.name), l.q) as score, 1 as pri
        from wholesale.products p
        where length(l.q) >= 3 and p.search_text % l.q and p.deleted_at is null and p.is_active
    ) c
    where c.pri = 0 or c.score >= 0.3
    order by c.pri, c.score desc, c.id
    limit 1
) m on true
order by l.line_no;
