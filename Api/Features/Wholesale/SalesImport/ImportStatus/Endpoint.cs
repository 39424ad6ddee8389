using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sales/import-status/{job_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Poll a transactions import (the uploader, admins and managers only)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var role = User.StaffRole();
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), SeesAll = role is "admin" or "manager" }, ct), ct);
    }
}
