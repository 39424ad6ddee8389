-- A new bill with its file, waiting for its extraction job; returns its id.
insert into wholesale.bills (restaurant_name, restaurant_email, restaurant_phone, contact_name, notes, supplier_name,
                             original_filename, file_type, file_content, source, uploaded_by)
values (@RestaurantName, @RestaurantEmail::citext, @RestaurantPhone, @ContactName, @Notes, @SupplierName,
        @OriginalFilename, @FileType, @FileContent, @Source, @UploadedBy)
returning id;
