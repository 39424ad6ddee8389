-- Names are unique among live categories, case-insensitively (categories_name).
insert into wholesale.categories (name, description)
values (@Name, @Description::text)
returning id as "Id", name as "Name", description as "Description";
