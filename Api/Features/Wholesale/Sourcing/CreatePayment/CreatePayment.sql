insert into wholesale.supplier_payments (supplier_id, rfq_id, shipment_id, amount, currency, payment_date, status, notes, created_by,
                                         status_changed_by)
values (@SupplierId, @RfqId::bigint, @ShipmentId::bigint, @Amount, @Currency, @PaymentDate::date, @Status, @Notes::text,
        @StaffId::bigint, @Actor)
returning id;
