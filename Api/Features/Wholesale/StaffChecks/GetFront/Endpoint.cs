using Api.Features.Wholesale.Common;
using Api.Infrastructure.Security;
using FastEndpoints;

namespace Api.Features.Wholesale.StaffChecks.GetFront;

/// <summary>Staff only; the image bytes with their stored content type and Cache-Control: no-store.</summary>
sealed class Endpoint : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/staff/checks/{order_number}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The front image of the order's uploaded check (staff only, Cache-Control: no-store)")
            .Produces(200, typeof(byte[]), "image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf").ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await CheckImages.SendAsync(HttpContext, await CheckImages.LoadAsync(Resolve<Api.Infrastructure.Database.AppDb>(), Resolve<SecretBox>(), req.OrderNumber, "front", Caller.From(User), ct), ct);
}
