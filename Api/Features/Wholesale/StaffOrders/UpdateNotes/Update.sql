-- null keeps a field, '' clears it.
update wholesale.orders
   set staff_notes     = case when @StaffNotes::text is null then staff_notes else nullif(@StaffNotes, '') end,
       assigned_to     = case when @AssignedTo::text is null then assigned_to else nullif(@AssignedTo, '') end,
       tracking_number = case when @TrackingNumber::text is null then tracking_number else nullif(@TrackingNumber, '') end,
       shipped_at      = case when @Shipped then now() else shipped_at end,
       updated_at      = now()
 where id = @Id
returning id as "Id", staff_notes as "StaffNotes", assigned_to as "AssignedTo", tracking_number as "TrackingNumber", status as "Status",
          shipped_at as "ShippedAt";
