using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Invoices.UpdateInvoice;

/// <summary>
/// In one transaction with the row locked: 404 unknown or deleted; items or amounts on a <c>paid</c> or <c>void</c> invoice: 409
/// <c>Invoice.Frozen</c>; a status move the state machine refuses: 409 <c>Invoice.InvalidTransition</c>. Totals are recomputed from
/// the merged values; the link follows a given <c>customer_id</c> (400 if unknown), else is re-matched when email or phone change.
/// Every change bumps <c>version</c>, so the PDF is regenerated on its next download.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    sealed class Row
    {
        public string Status { get; init; } = "";
        public string Items { get; init; } = "[]";
        public decimal DiscountAmount { get; init; }
        public decimal ShippingFee { get; init; }
        public decimal TaxRate { get; init; }
        public string? CustomerEmail { get; init; }
        public string? CustomerPhone { get; init; }
    }

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var cur = (await db.QueryToListAsync<Row>("""
            select status as "Status", items::text as "Items", discount_amount as "DiscountAmount", shipping_fee as "ShippingFee", tax_rate as "TaxRate",
                   customer_email::text as "CustomerEmail", customer_phone as "CustomerPhone"
              from wholesale.invoices where id = @InvoiceId and deleted_at is null for update
            """, new { req.InvoiceId }, ct)).FirstOrDefault();
        if (cur is null) return Error.NotFound("Invoice.NotFound", "no invoice with that id");
        var moneyChange = req.Items is not null || req.DiscountAmount is not null || req.ShippingFee is not null || req.TaxRate is not null;
        if (moneyChange && cur.Status is "paid" or "void")
            return Error.Conflict("Invoice.Frozen", $"a {cur.Status} invoice's items and amounts cannot change");
        var status = req.Status ?? cur.Status;
        if (!InvoiceKit.CanMove(cur.Status, status))
            return Error.Conflict("Invoice.InvalidTransition", $"an invoice cannot go from {cur.Status} to {status}");
        if (req.CustomerId is { } cid && (await db.QueryToListAsync<long>("select id from wholesale.customers where id = @cid and deleted_at is null", new { cid }, ct)).Count == 0)
            return InvoiceKit.Invalid("customer_id", "no customer with that id");

        var items = req.Items is not null ? InvoiceKit.Lines(req.Items) : JsonSerializer.Deserialize<List<InvoiceKit.Item>>(cur.Items) ?? [];
        var discount = req.DiscountAmount ?? cur.DiscountAmount; var shipping = req.ShippingFee ?? cur.ShippingFee; var taxRate = req.TaxRate ?? cur.TaxRate;
        var totals = InvoiceKit.Compute(items, discount, shipping, taxRate);
        if (totals.IsError) return totals.Errors;
        var email = req.CustomerEmail is null ? cur.CustomerEmail : req.CustomerEmail.Trim() is { Length: > 0 } e ? e : null;
        var phone = req.CustomerPhone is null ? cur.CustomerPhone : Phones.ToE164(req.CustomerPhone);
        var relink = req.CustomerId is null && (!string.Equals(email, cur.CustomerEmail, StringComparison.OrdinalIgnoreCase) || phone != cur.CustomerPhone);

        var json = await InvoiceKit.JsonAsync(db, $"""
            with i as (
                update wholesale.invoices set
                    customer_name = coalesce(@Name, customer_name),
                    customer_id = case when @CustomerId is not null then @CustomerId when @Relink then {InvoiceKit.MatchCustomer} else customer_id end,
                    customer_company = case when @Company is null then customer_company else nullif(@Company, '') end,
                    customer_email = cast(@Email as citext), customer_phone = @Phone,
                    customer_address = case when @Address is null then customer_address else nullif(@Address, '') end,
                    customer_city = case when @City is null then customer_city else nullif(@City, '') end,
                    customer_state = case when @State is null then customer_state else nullif(@State, '') end,
                    customer_zip = case when @Zip is null then customer_zip else nullif(@Zip, '') end,
                    payment_method = case when @Method is null then payment_method else nullif(@Method, '') end,
                    payment_terms = case when @Terms is null then payment_terms else nullif(@Terms, '') end,
                    due_date = coalesce(@Due, due_date),
                    notes = case when @Notes is null then notes else nullif(@Notes, '') end,
                    internal_notes = case when @Internal is null then internal_notes else nullif(@Internal, '') end,
                    items = cast(@Items as jsonb), subtotal = @Subtotal, discount_amount = @Discount, shipping_fee = @Shipping, tax_rate = @TaxRate,
                    tax_amount = @Tax, total = @Total,
                    status = @Status,
                    status_changed_at = case when @Status <> status then now() else status_changed_at end,
                    status_changed_by = case when @Status <> status then @Actor else status_changed_by end,
                    sent_at = case when @Status = 'sent' and status <> 'sent' then now() else sent_at end,
                    sent_by = case when @Status = 'sent' and status <> 'sent' then @Actor else sent_by end,
                    paid_at = case when @Status = 'paid' and status <> 'paid' then now() else paid_at end,
                    paid_by = case when @Status = 'paid' and status <> 'paid' then @Actor else paid_by end,
                    voided_at = case when @Status = 'void' and status <> 'void' then now() else voided_at end,
                    voided_by = case when @Status = 'void' and status <> 'void' then @Actor else voided_by end,
                    version = version + 1, updated_at = now()
                 where id = @InvoiceId
                returning *)
            select {InvoiceKit.Json}::text from i
            """, new
        {
            req.InvoiceId, Name = req.CustomerName?.Trim(), req.CustomerId, Relink = relink, Company = req.CustomerCompany?.Trim(), Email = email, Phone = phone,
            Address = req.CustomerAddress?.Trim(), City = req.CustomerCity?.Trim(), State = req.CustomerState?.Trim(), Zip = req.CustomerZip?.Trim(),
            Method = req.PaymentMethod?.Trim(), Terms = req.PaymentTerms?.Trim(), Due = InvoiceKit.Date(req.DueDate), Notes = req.Notes?.Trim(),
            Internal = req.InternalNotes?.Trim(), Items = JsonSerializer.Serialize(items), totals.Value.Subtotal, Discount = discount, Shipping = shipping,
            TaxRate = taxRate, Tax = totals.Value.TaxAmount, totals.Value.Total, Status = status, req.Actor,
        }, ct);
        await tx.CommitAsync(ct);
        return json!.Value;
    }
}
