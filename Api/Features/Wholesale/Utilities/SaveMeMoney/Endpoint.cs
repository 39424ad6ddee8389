using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SaveMeMoney;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/save-me-money");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Chat);
        AllowFileUploads();
        Definition.Metadata(new Api.Infrastructure.Http.RequestBodyLimit(12L * 1024 * 1024));   // the slice answers 413 above its 10 MB file cap itself
        Description(b => b.WithSummary("'Save Me Money' form: mails the sales inbox; an attached invoice becomes a bill for savings analysis")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
