using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UploadImage;

/// <summary>Multipart field <c>image</c>, read here so a bad body is a 4xx in the envelope (413 past 5 MB, 415 not an image).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/staff/products/upload-image");
        Group<WholesaleGroup>();
        this.Staff();
        Definition.Metadata(new RequestBodyLimit(StaffImageUpload.BodyLimit));
        Description(b => b.WithSummary("Staff: pre-upload an image before the product exists; returns the re-encoded image as a data URL for the create payload")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(413).ProducesProblemDetails(415));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var read = await StaffImageUpload.ReadAsync(HttpContext, ct);
        ErrorOr<Response> result = read.IsError ? read.Errors : await mediator.Send(new Request(read.Value), ct);
        if (result.IsError) await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.OkAsync(result.Value, ct);
    }
}
