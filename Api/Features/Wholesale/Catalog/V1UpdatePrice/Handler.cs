using Api.Features.Wholesale.Catalog.Editing;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdatePrice;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var result = await new ProductEditor(db).EditAsync(req.Identifier, req.Patch, Caller.From(http.HttpContext!.User), "PATCH /api/v1/products/price", ct);
        return result.IsError ? result.Errors : new Response(true, result.Value);
    }
}
