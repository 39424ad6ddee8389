-- Writes the given fields of a visible staff user (already locked and checked). @Set* says which were given.
update wholesale.staff_users s set
    full_name      = case when @SetFull then @FullName else s.full_name end,
    first_name     = case when @SetFirst then @FirstName else s.first_name end,
    last_name      = case when @SetLast then @LastName else s.last_name end,
    email          = case when @SetEmail then cast(@Email as citext) else s.email end,
    role           = case when @SetRole then @Role else s.role end,
    is_active      = case when @SetActive then @IsActive else s.is_active end,
    deactivated_at = case when @SetActive and not @IsActive and s.is_active then now()
                          when @SetActive and @IsActive then null else s.deactivated_at end,
    password_hash  = case when @SetPassword then @Hash else s.password_hash end,
    updated_at     = now()
where s.id = @UserId and s.deleted_at is null;
