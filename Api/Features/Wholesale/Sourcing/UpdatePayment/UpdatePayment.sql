-- The payment (locked; move, date and links already checked). Status changes record who and when.
update wholesale.supplier_payments
   set supplier_id       = @SupplierId,
       rfq_id            = @RfqId::bigint,
       shipment_id       = @ShipmentId::bigint,
       amount            = coalesce(@Amount::numeric, amount),
       currency          = coalesce(@Currency::text, currency),
       payment_date      = @PaymentDate::date,
       status_changed_at = case when status <> @Status then now() else status_changed_at end,
       status_changed_by = case when status <> @Status then @Actor else status_changed_by end,
       status            = @Status,
       notes             = case when @Notes::text is null then notes else nullif(@Notes::text, '') end,
       updated_at        = now()
 where id = @Pid;
