using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.UploadCsv;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sales/calling-list/upload-csv");
        Group<WholesaleGroup>();
        this.Staff();
        AllowFileUploads();
        Definition.Metadata(new Api.Infrastructure.Http.RequestBodyLimit(12L * 1024 * 1024));
        Description(b => b.WithSummary("Bulk-upload prospects from a CSV (up to 20,000 rows)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
