using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UploadImage;

/// <summary>Nothing is stored yet: the image is checked and re-encoded (metadata stripped) and handed back; the create stores it.</summary>
sealed class Handler : IRequestHandler<Request, ErrorOr<Response>>
{
    public ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var prepared = StaffImagePipeline.Prepare(req.Image);
        ErrorOr<Response> result = prepared.IsError ? prepared.Errors
            : new Response(true, StaffImagePipeline.DataUrl(prepared.Value.ContentType, prepared.Value.Content));
        return ValueTask.FromResult(result);
    }
}
