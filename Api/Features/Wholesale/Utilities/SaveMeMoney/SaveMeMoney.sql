-- The form as submitted (phone in E.164), linked to its bill when an invoice came with it.
insert into wholesale.savings_requests (name, restaurant_name, address, city, state, phone, email, rd_customer_number, bill_id)
values (@Name, @RestaurantName, @Address, @City, @State, @Phone, @Email::citext, @RdCustomerNumber, @BillId);
