-- Marks a live customer's email verified (the token was consumed in the same transaction).
update wholesale.customers set email_verified = true, email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
where id = @Id and deleted_at is null;
