-- Permanently, as documented (the audit log keeps that it existed).
delete from wholesale.api_keys where id = @KeyId returning id;
