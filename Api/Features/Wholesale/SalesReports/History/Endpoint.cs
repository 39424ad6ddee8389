using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.History;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, object>
{
    public override void Configure()
    {
        Get("api/sales/history");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Past sales (own for a rep, all for admin or manager): paged orders, groups, or a streamed CSV")
            .Produces<Response>().Produces(200, contentType: "text/csv"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req with { Caller = Caller.From(User) }, ct);
        if (!result.IsError && result.Value.Csv is { } csv)
        {
            HttpContext.Response.StatusCode = 200;
            HttpContext.Response.ContentType = "text/csv; charset=utf-8";
            HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{csv.FileName}\"";
            await csv.WriteAsync(HttpContext.Response.Body, ct);
            return;
        }
        ErrorOr.ErrorOr<object> answer;
        if (result.IsError) answer = result.Errors;   // the errors, in the envelope with their status
        else answer = ErrorOr.ErrorOrFactory.From<object>(result.Value.Json!);
        await Send.ResultAsync(answer, ct);
    }
}
