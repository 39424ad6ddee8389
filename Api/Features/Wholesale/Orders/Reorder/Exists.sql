-- Is this the customer's own order?
select count(*)::int from wholesale.orders where order_number = @OrderNumber and customer_id = @CustomerId and deleted_at is null;
