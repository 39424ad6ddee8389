select c.id as "CustomerId", (a.customer_id is not null) as "HasAch", a.bank_name as "AchBankName", a.account_name as "AchAccountName",
       a.routing_number as "AchRoutingNumber", '****' || a.account_last4 as "AchAccountNumberMasked", a.account_type as "AchAccountType",
       a.authorized_at as "AchAuthorizedAt", a.authorized_by as "AchAuthorizedBy"
from wholesale.customers c
left join wholesale.customer_ach a on a.customer_id = c.id
where c.id = @CustomerId and c.deleted_at is null;
