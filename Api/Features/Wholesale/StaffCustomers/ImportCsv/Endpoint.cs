using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ImportCsv;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/customers/import-csv");
        Group<WholesaleGroup>();
        this.Staff();
        AllowFileUploads();
        Definition.Metadata(new RequestBodyLimit(Request.MaxBytes + 64 * 1024));
        Description(b => b.WithSummary("Staff: import customers from CSV, de-duplicating by email or phone")
            .WithDescription("multipart/form-data with `file` (the csv-template columns; orders, total_spent and joined are ignored). " +
                             "A row whose email or phone (E.164) matches a live customer or an earlier row is skipped; each bad row is " +
                             "reported in `errors` with its line number (the header is line 1) and the good rows are created (kind `imported`). " +
                             "Importing the same file again creates nothing. A new customer whose phone is on the do-not-call list is created " +
                             "with do_not_call true (counted in `do_not_call`).")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(413));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId()!.Value }, ct), ct);
}
