update wholesale.products set image_url = @ImageUrl::text, updated_at = now() where id = @Id;
