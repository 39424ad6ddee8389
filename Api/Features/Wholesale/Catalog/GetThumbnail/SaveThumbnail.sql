-- Caches a thumbnail made on first request (uploads through the API store it at once).
update wholesale.product_images set thumbnail = @Thumbnail where id = @Id and thumbnail is null;
