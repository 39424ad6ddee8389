using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.UploadBill;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/bills");
        Group<WholesaleGroup>();
        this.Staff();
        AllowFileUploads();
        Definition.Metadata(new Api.Infrastructure.Http.RequestBodyLimit(12L * 1024 * 1024));   // the slice answers 413 above its 10 MB file cap itself
        Description(b => b.WithSummary("Upload a supplier bill; extraction and savings analysis run in the background")
            .Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct, 201);
}
