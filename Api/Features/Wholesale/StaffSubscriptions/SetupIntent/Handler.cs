using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.StaffSubscriptions.SetupIntent;

/// <summary>
/// With <c>user_id</c>: the customer's linked Stripe customer, or a new one (idempotency key per customer, then linked in
/// <c>wholesale.stripe_customers</c>; the first link wins if two requests race). With only an email: a new Stripe customer,
/// not linked (enrolment links it). The SetupIntent is for off-session use with <c>card</c> or <c>us_bank_account</c>.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CustomerSql = Sql.Load<Handler>("Customer.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (stripe.Client is not { } client)
            return Error.Custom(503, "Subscriptions.StripeNotConfigured", "Saving payment methods needs Stripe; it is not configured (Wholesale:Stripe:SecretKey)");
        Row? customer = null;
        if (req.UserId is { } userId)
        {
            if (await db.QueryToListAsync<Row>(CustomerSql, new { UserId = userId }, ct) is not [var found])
                return Error.Validation("Subscriptions.Invalid", "No such customer", new Dictionary<string, object> { ["field"] = "user_id" });
            customer = found;
        }
        var email = Clean(req.CustomerEmail) ?? customer?.Email;
        var name = Clean(req.CustomerName) ?? customer?.Name ?? customer?.Company;
        var type = req.PaymentType!.Trim().ToLowerInvariant();
        try
        {
            var stripeCustomer = customer?.StripeCustomerId;
            if (stripeCustomer is null)
            {
                var created = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
                {
                    Email = email, Name = name,
                    Metadata = customer is null ? null : new() { ["wholesale_user_id"] = customer.Id.ToString() },
                }, customer is null ? null : new RequestOptions { IdempotencyKey = $"wholesale-stripe-customer-{customer.Id}" }, ct);
                stripeCustomer = created.Id;
                if (customer is not null)
                    stripeCustomer = await db.ExecuteAsync<string>("""
                        with ins as (
                            insert into wholesale.stripe_customers (customer_id, stripe_customer_id) values (@Id, @Cus)
                            on conflict do nothing returning stripe_customer_id
                        )
                        select coalesce((select stripe_customer_id from ins),
                                        (select stripe_customer_id from wholesale.stripe_customers where customer_id = @Id), @Cus)
                        """, new { customer.Id, Cus = stripeCustomer }, ct);
            }
            var intent = await new SetupIntentService(client).CreateAsync(new SetupIntentCreateOptions
            {
                Customer = stripeCustomer, Usage = "off_session",
                AllowedPaymentMethodTypes = [type == "ach" ? "us_bank_account" : "card"],
                Metadata = customer is null ? null : new() { ["wholesale_user_id"] = customer.Id.ToString() },
            }, cancellationToken: ct);
            return new Response(intent.ClientSecret, stripeCustomer, intent.Id);
        }
        catch (StripeException)
        {
            return Error.Custom(502, "Subscriptions.StripeError", "Stripe could not start saving a payment method");
        }
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed class Row
    {
        public long Id { get; init; }
        public string? Email { get; init; }
        public string? Name { get; init; }
        public string? Company { get; init; }
        public string? StripeCustomerId { get; init; }
    }
}
