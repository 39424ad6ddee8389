-- Paid stamps who and when; unpaid clears both.
update wholesale.orders
   set commission_paid = @Paid, commission_paid_at = case when @Paid then now() end,
       commission_paid_by = case when @Paid then @StaffId end, updated_at = now()
 where id = @Id
returning commission_paid as "CommissionPaid", commission_paid_at as "CommissionPaidAt", commission_paid_by as "CommissionPaidBy";
