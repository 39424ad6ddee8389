using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace Api.Features.Wholesale.Payments.UploadCheck;

/// <summary>
/// Multipart upload of check images: <c>order_number</c>, <c>check_front</c> (or legacy <c>check_image</c>), optional
/// <c>check_back</c>; staff, or anyone holding a signed single-use upload link for that order (<c>token</c> as a form field or
/// query parameter). The form is read here so an oversized or malformed body is a 413/400, never an exception.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/payments/upload-check");
        Group<WholesaleGroup>();
        this.Public();   // staff or an upload-link token; the handler checks which
        this.RateLimit(WholesaleModule.Ordering);
        Definition.Metadata(new Api.Infrastructure.Http.RequestBodyLimit(2 * Request.MaxFileBytes + 1024 * 1024));   // two images
        Description(b => b.WithSummary("Upload check images (front required, back optional), encrypted at rest, for staff review; staff or a signed upload link")
            .Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var req = await ReadAsync(HttpContext, ct) with { Staff = await Caller.OptionalStaffAsync(HttpContext) };
        await Send.ResultAsync(await mediator.Send(req, ct), ct);
    }

    static async Task<Request> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        const long bodyLimit = 2 * Request.MaxFileBytes + 1024 * 1024;
        var queryToken = ctx.Request.Query["token"].ToString() is { Length: > 0 } q ? q : null;
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = bodyLimit;
        if (ctx.Request.ContentLength > bodyLimit) return new Request { Problem = UploadProblem.TooLarge, Token = queryToken };
        if (!ctx.Request.HasFormContentType) return new Request { Token = queryToken };
        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueCountLimit = 32, ValueLengthLimit = 16 * 1024 }, ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)) { return new Request { Problem = UploadProblem.TooLarge, Token = queryToken }; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return new Request { Problem = UploadProblem.TooLarge, Token = queryToken }; }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException) { return new Request { Problem = UploadProblem.Malformed, Token = queryToken }; }

        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;
        async Task<(Upload? File, bool TooLarge)> FileOf(string name)
        {
            if (form.Files.GetFile(name) is not { } f) return (null, false);
            if (f.Length > Request.MaxFileBytes) return (null, true);
            using var ms = new MemoryStream((int)f.Length);
            await f.CopyToAsync(ms, ct);
            return (new Upload(ms.ToArray(), f.FileName), false);
        }
        var front = await FileOf("check_front");
        if (front.File is null && !front.TooLarge) front = await FileOf("check_image");
        var back = await FileOf("check_back");
        return new Request
        {
            Problem = front.TooLarge || back.TooLarge ? UploadProblem.TooLarge : UploadProblem.None,
            OrderNumber = Field("order_number"), Front = front.File, Back = back.File, Token = Field("token") ?? queryToken,
        };
    }
}
