-- The request's invoice as a bill (source save_me_money), waiting for its extraction job; returns its id.
insert into wholesale.bills (restaurant_name, restaurant_email, restaurant_phone, contact_name, notes, original_filename,
                             file_type, file_content, source)
values (@RestaurantName, @RestaurantEmail::citext, @RestaurantPhone, @ContactName, @Notes, @OriginalFilename,
        @FileType, @FileContent, 'save_me_money')
returning id;
