update wholesale.orders
   set commission_paid = @Paid, commission_paid_at = case when @Paid then now() end,
       commission_paid_by = case when @Paid then @StaffId end, updated_at = now()
 where id = any(@Ids) and commission_paid is distinct from @Paid;
