-- The shared select list of a bill (BillRow); callers append "and ..." conditions and an order.
select b.id as "Id", s.extraction_status as "ExtractionStatus", s.extraction_error as "ExtractionError",
       b.total_items as "TotalItems", b.items_we_carry as "ItemsWeCarry", b.potential_savings as "PotentialSavings",
       b.supplier_name as "SupplierName", to_char(b.bill_date, 'YYYY-MM-DD') as "BillDate", b.bill_number as "BillNumber",
       b.bill_total as "BillTotal", b.restaurant_name as "RestaurantName", b.restaurant_email::text as "RestaurantEmail",
       b.restaurant_phone as "RestaurantPhone", b.contact_name as "ContactName", b.notes as "Notes",
       b.original_filename as "OriginalFilename", b.file_path as "FilePath", b.file_type as "FileType",
       b.uploaded_by as "UploadedBy", b.source as "Source", b.created_at as "CreatedAt", b.updated_at as "UpdatedAt"
from wholesale.bills b
join wholesale.bill_states s on s.bill_id = b.id
where b.deleted_at is null
