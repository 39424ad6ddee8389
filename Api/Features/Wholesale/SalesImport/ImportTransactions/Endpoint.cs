using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportTransactions;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sales/import-transactions");
        Group<WholesaleGroup>();
        this.Staff();
        AllowFileUploads();
        Definition.Metadata(new RequestBodyLimit(Handler.MaxBytes + 1024 * 1024));
        Description(b => b.WithSummary("Import historical orders from a CSV as a background job; poll import-status/{job_id}").Produces<Response>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct, 202);
}
