select exists (select from wholesale.categories where id = @CategoryId and deleted_at is null);
