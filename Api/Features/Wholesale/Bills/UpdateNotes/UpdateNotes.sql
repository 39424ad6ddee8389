-- Writes the fields sent (null: unchanged; '': cleared) on a live bill. No row: not found.
update wholesale.bills
   set notes            = case when @Notes is null then notes else nullif(@Notes, '') end,
       restaurant_email = case when @RestaurantEmail is null then restaurant_email else nullif(@RestaurantEmail, '')::citext end,
       restaurant_phone = case when @RestaurantPhone is null then restaurant_phone else nullif(@RestaurantPhone, '') end,
       contact_name     = case when @ContactName is null then contact_name else nullif(@ContactName, '') end,
       updated_at = now()
 where id = @BillId and deleted_at is null
returning id as "Id";
