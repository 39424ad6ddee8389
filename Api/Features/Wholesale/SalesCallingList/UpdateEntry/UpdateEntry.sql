-- Whether the caller may edit it and checks the customer and assignee a change names.
select exists (select 1 from wholesale.calling_list e where e.id = @Id and (cast(@RepId as bigint) is null or e.assigned_to = @RepId or e.assigned_to is null)) as "Visible",
       exists (select 1 from wholesale.customers where id = @CustomerId and deleted_at is null) as "CustomerExists",
       exists (select 1 from wholesale.staff_users where id = @Assignee and is_active and role in ('sales_rep', 'manager', 'admin')) as "AssigneeOk";
