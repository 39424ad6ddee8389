select exists (select from wholesale.staff_users where id = @Id and is_active);
