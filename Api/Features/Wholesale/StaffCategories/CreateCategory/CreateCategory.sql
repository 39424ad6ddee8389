-- Names are unique among live categories, case-insensitively (categories_name): a duplicate is a unique violation (409).
insert into wholesale.categories (name, description)
values (@Name, @Description::text)
returning id as "Id", name as "Name", description as "Description", sort_order as "SortOrder", created_at as "CreatedAt";
