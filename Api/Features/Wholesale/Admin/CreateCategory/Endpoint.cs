using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Admin.CreateCategory;

/// <summary>Labelled "Session" in the document, but an admin path: staff admin or manager (the description beats the label).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/admin/categories");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Create a product category (staff admin or manager)")
            .Produces<Response>(201).ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}
