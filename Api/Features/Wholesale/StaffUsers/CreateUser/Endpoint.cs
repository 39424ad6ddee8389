using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.CreateUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, StaffUserView>
{
    public override void Configure()
    {
        Post("api/staff/users");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Create a staff user (admin or manager; a manager cannot create an admin)")
            .Produces<StaffUserView>(201).ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct, 201);
}
