-- Open orders (pending or confirmed) take the changed delivery details: names, company, email, phone, address.
update wholesale.orders o
   set delivery_first_name = case when @SetFirst then @First else o.delivery_first_name end,
       delivery_last_name = case when @SetLast then @Last else o.delivery_last_name end,
       delivery_name = case when @SetFirst or @SetLast then coalesce(nullif(trim(concat_ws(' ', @First, @Last)), ''), o.delivery_name) else o.delivery_name end,
       delivery_company = case when @SetCompany then @Company else o.delivery_company end,
       delivery_email = case when @SetEmail and @Email is not null then @Email::citext else o.delivery_email end,
       delivery_phone = case when @SetPhone and @Phone is not null then @Phone else o.delivery_phone end,
       delivery_address = case when @SetShipping and @Shipping is not null then @Shipping else o.delivery_address end,
       billing_address = case when @SetBilling then @Billing else o.billing_address end,
       updated_at = now()
 where o.customer_id = @CustomerId and o.deleted_at is null and o.status in ('pending', 'confirmed')
   and (@SetFirst or @SetLast or @SetCompany or @SetEmail or @SetPhone or @SetShipping or @SetBilling);
