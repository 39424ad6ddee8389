insert into wholesale.customer_ach as a (customer_id, bank_name, account_name, routing_number, account_number_enc, account_last4,
                                         account_type, authorized_at, authorized_by)
values (@CustomerId, @Bank, @Name, @Routing, @Enc, @Last4, @Type, now(), @StaffId)
on conflict (customer_id) do update
   set bank_name = excluded.bank_name, account_name = excluded.account_name, routing_number = excluded.routing_number,
       account_number_enc = excluded.account_number_enc, account_last4 = excluded.account_last4,
       account_type = excluded.account_type, authorized_at = now(), authorized_by = excluded.authorized_by, updated_at = now()
returning customer_id as "CustomerId", true as "HasAch", bank_name as "AchBankName", account_name as "AchAccountName",
          routing_number as "AchRoutingNumber", '****' || account_last4 as "AchAccountNumberMasked", account_type as "AchAccountType",
          authorized_at as "AchAuthorizedAt", authorized_by as "AchAuthorizedBy";
