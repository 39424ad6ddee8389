using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CreateInvoice;

/// <summary>
/// One statement: the year's counter (<c>wholesale.invoice_counters</c>, locked until commit, so numbers are gap-free:
/// a failed insert rolls the counter back; a year's first counter continues after the highest <c>INV-YYYY-NNNNN</c> already
/// stored, such as the demo's invoices) and the row. Linked to <c>customer_id</c> when given (400 if unknown), else to the
/// live customer with the same email, else the same phone. Issue date today (business zone); due date default +30 days.
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var items = InvoiceKit.Lines(req.Items!);
        var totals = InvoiceKit.Compute(items, req.DiscountAmount ?? 0, req.ShippingFee ?? 0, req.TaxRate ?? 0);
        if (totals.IsError) return totals.Errors;
        if (req.CustomerId is { } cid && (await db.QueryToListAsync<long>("select id from wholesale.customers where id = @cid and deleted_at is null", new { cid }, ct)).Count == 0)
            return InvoiceKit.Invalid("customer_id", "no customer with that id");
        if (req.OrderId is { } oid && (await db.QueryToListAsync<long>("select id from wholesale.orders where id = @oid and deleted_at is null", new { oid }, ct)).Count == 0)
            return InvoiceKit.Invalid("order_id", "no order with that id");
        var today = clock.Today;
        var status = req.Status ?? "draft";
        var email = string.IsNullOrWhiteSpace(req.CustomerEmail) ? null : req.CustomerEmail.Trim();
        var phone = Phones.ToE164(req.CustomerPhone);
        var rows = await db.QueryToListAsync<string>($"""
            with n as (
                -- a year's first counter starts after the highest number already used that year (demo or earlier invoices)
                insert into wholesale.invoice_counters (year, last)
                values (@Year, 1 + coalesce((select max(substr(invoice_number, 10)::int) from wholesale.invoices
                                             where invoice_number ~ ('^INV-' || @Year || '-[0-9]+$')), 0))
                on conflict (year) do update set last = wholesale.invoice_counters.last + 1
                returning last),
            i as (
                insert into wholesale.invoices (invoice_number, customer_id, order_id, status, customer_name, customer_company, customer_email,
                    customer_phone, customer_address, customer_city, customer_state, customer_zip, items, subtotal, discount_amount, shipping_fee,
                    tax_rate, tax_amount, total, payment_method, payment_terms, issue_date, due_date, notes, internal_notes, created_by,
                    status_changed_by, sent_at, sent_by, paid_at, paid_by)
                select 'INV-' || @Year || '-' || lpad(n.last::text, 5, '0'), coalesce(@CustomerId, {InvoiceKit.MatchCustomer}), @OrderId, @Status,
                    @Name, @Company, cast(@Email as citext), @Phone, @Address, @City, @State, @Zip, cast(@Items as jsonb), @Subtotal, @Discount, @Shipping,
                    @TaxRate, @Tax, @Total, @Method, @Terms, @Today, coalesce(@Due, @Today + 30), @Notes, @Internal, @Actor, @Actor,
                    case when @Status in ('sent', 'paid') then now() end, case when @Status in ('sent', 'paid') then @Actor end,
                    case when @Status = 'paid' then now() end, case when @Status = 'paid' then @Actor end
                  from n
                returning *)
            select {InvoiceKit.Json}::text from i
            """, new
        {
            Year = today.Year, req.CustomerId, req.OrderId, Status = status, Name = req.CustomerName!.Trim(), Company = T(req.CustomerCompany), Email = email,
            Phone = phone, Address = T(req.CustomerAddress), City = T(req.CustomerCity), State = T(req.CustomerState), Zip = T(req.CustomerZip),
            Items = JsonSerializer.Serialize(items), totals.Value.Subtotal, Discount = req.DiscountAmount ?? 0, Shipping = req.ShippingFee ?? 0,
            TaxRate = req.TaxRate ?? 0, Tax = totals.Value.TaxAmount, totals.Value.Total, Method = T(req.PaymentMethod), Terms = T(req.PaymentTerms),
            Today = today, Due = InvoiceKit.Date(req.DueDate), Notes = T(req.Notes), Internal = T(req.InternalNotes), req.Actor,
        }, ct);
        using var doc = JsonDocument.Parse(rows.Single());
        return doc.RootElement.Clone();
    }

    static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
