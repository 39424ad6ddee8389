-- The live customer's password hash (null: none set, e.g. an imported contact).
select password_hash as "PasswordHash" from wholesale.customers where id = @Id and deleted_at is null;
