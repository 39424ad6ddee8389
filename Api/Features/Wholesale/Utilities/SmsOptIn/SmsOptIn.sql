-- Records the consent and lifts an earlier opt-out of the number; answers whether a confirmation went to it in the last 24 hours.
with optin as (
    insert into wholesale.sms_optins (first_name, last_name, phone, email, consent, ip)
    values (@FirstName, @LastName, @Phone, @Email::citext, true, @Ip)
    returning id
), lifted as (
    delete from wholesale.sms_opt_outs where phone = @Phone returning phone
)
select exists (
    select 1 from wholesale.sms_messages
    where to_phone = @Phone and purpose = @Purpose and created_at > now() - interval '24 hours'
) from optin;
