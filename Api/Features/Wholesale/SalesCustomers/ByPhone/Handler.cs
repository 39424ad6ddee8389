using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.ByPhone;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var phone = Phones.ToE164(req.Phone)!;
        if (await ProfileView.LoadAsync(db, null, phone, ct) is { } p)
            return new Response
            {
                Id = p.Id, FirstName = p.FirstName, LastName = p.LastName, FullName = p.FullName, CompanyName = p.CompanyName, Email = p.Email,
                Phone = p.Phone, Phone2 = p.Phone2, ShippingAddress = p.ShippingAddress, BillingAddress = p.BillingAddress,
                PaymentTerms = p.PaymentTerms, CreatedAt = p.CreatedAt, OrderCount = p.OrderCount, TotalSpent = p.TotalSpent, Orders = p.Orders,
            };
        var orders = await ProfileView.OrdersAsync(db, null, phone, ct);
        if (orders.Count == 0) return Error.NotFound("Customer.NotFound", "No customer or order with this phone");
        var newest = orders[0];
        return new Response
        {
            NoAccount = true, Phone = phone, FullName = newest.DeliveryName, Email = newest.DeliveryEmail,
            OrderCount = orders.Count, TotalSpent = orders.Where(o => o.Status != "cancelled").Sum(o => o.TotalAmount), Orders = orders,
        };
    }
}
