-- Records a delivery status on the message it is about (by provider sid; unknown sids change nothing) and, for error
-- 21610 (the recipient replied STOP), opts the recipient out: the message's number, else the callback's To.
with msg as (
    update wholesale.sms_messages
       set status = coalesce(@Status, status), error_code = coalesce(@ErrorCode, error_code),
           error_message = coalesce(@ErrorMessage, error_message), updated_at = now()
     where @Sid is not null and provider_sid = @Sid
    returning to_phone
), target as (
    select coalesce((select to_phone from msg limit 1), @To) as phone
), opt as (
    insert into wholesale.sms_opt_outs (phone, reason)
    select t.phone, 'twilio 21610 (recipient unsubscribed)' from target t
    where @ErrorCode = @Unsubscribed and t.phone is not null
    on conflict (phone) do nothing
    returning phone
)
select (select count(*) from msg)::int as "Updated", exists (select 1 from opt) as "OptedOut", (select phone from target) as "Phone";
