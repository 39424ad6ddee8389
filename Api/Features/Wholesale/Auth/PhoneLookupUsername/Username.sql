-- The username of a live customer. No row: gone, or no username.
select username::text from wholesale.customers where id = @Id and deleted_at is null and username is not null;
