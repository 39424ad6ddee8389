insert into wholesale.qc_inspections (shipment_id, supplier_id, product_id, product_name, inspection_date, inspector, result, notes,
                                      defects, images, created_by)
values (@ShipmentId::bigint, @SupplierId::bigint, @ProductId::bigint, @ProductName::text, @InspectionDate::date, @Inspector::text,
        @Result, @Notes::text, @Defects::jsonb, @Images::jsonb, @StaffId::bigint)
returning id;
