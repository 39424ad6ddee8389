-- The optional staff fields of a status change, plus the moment of the step reached.
update wholesale.orders
   set staff_notes  = coalesce(@StaffNotes, staff_notes),
       assigned_to  = coalesce(@AssignedTo, assigned_to),
       confirmed_at = case when @To = 'confirmed' then now() else confirmed_at end,
       shipped_at   = case when @To = 'shipped' then now() else shipped_at end,
       delivered_at = case when @To = 'delivered' then now() else delivered_at end,
       updated_at   = now()
 where id = @Id;
